#!/usr/bin/env node
// `npm start`: check the environment (server/env.ts), build H5 when dist/h5 is missing or older
// than the sources, bundle the local server (TypeScript, shared with the cloud function's core)
// with esbuild, and run it.
//   node scripts/start.mjs [--no-build]     (SKIP_BUILD=1 works too)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const index = path.join(root, 'dist/h5/index.html')
const bundle = path.join(root, '.build/server.cjs')

// server/env.ts is the one reader of the settings; checking them first means a typo costs no H5
// build. Bundled in memory and imported from a data: URL, so parallel starts share no file.
const envBundle = await esbuild.build({
  entryPoints: [path.join(root, 'server/env.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  write: false,
  logLevel: 'warning',
})
const { readServerConfig } = await import(`data:text/javascript;base64,${Buffer.from(envBundle.outputFiles[0].contents).toString('base64')}`)
let config
try {
  config = readServerConfig(process.env)
} catch (error) {
  if (error.name !== 'ServerEnvError') throw error
  console.error(error.message)
  process.exit(2)
}
const skipBuild = process.argv.includes('--no-build') || config.skipBuild

function newestMtime (dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs)
  }
  return newest
}

const sources = ['src', 'config', 'cloud/core'].map((dir) => path.join(root, dir))
const stale = !fs.existsSync(index) || fs.statSync(index).mtimeMs < Math.max(...sources.map(newestMtime))
if (stale && !skipBuild) {
  console.log('构建 H5（dist/h5 不存在或比源码旧）…')
  const build = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Built beside the bundle and renamed onto it: parallel starts (the browser tests start several)
// would otherwise run a bundle another start has just truncated, an empty script that exits 0.
const fresh = `${bundle}.${process.pid}.tmp`
await esbuild.build({
  entryPoints: [path.join(root, 'server/main.ts')],
  outfile: fresh,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3'],
  logLevel: 'warning',
})
fs.renameSync(fresh, bundle)

// A child (not an import) so the server's own signal handling decides how it stops.
const server = spawn(process.execPath, [bundle], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

// npm runs this through `sh -c`, and dash does not exec the command: a SIGTERM sent to npm ends
// sh (and npm) but never reaches us, leaving the server running. Losing our parent counts as it.
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) server.kill('SIGTERM')
}, 500).unref()
