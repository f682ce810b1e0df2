#!/usr/bin/env node
// `npm run size`: the bytes WeChat counts for the mini-program's main package, per file group,
// and each subpackage's total. Fails when the main package is over budget.
//   node scripts/size.mjs [--no-build] [--dir dist/weapp] [--json] [--max-main-kb 420] [--write-readme]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

/** The project's budget for the main package (WeChat's own limit is 2048 KB). */
const MAX_MAIN_KB = 420

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'dist/weapp' },
    json: { type: 'boolean', default: false },
    'max-main-kb': { type: 'string', default: String(MAX_MAIN_KB) },
    'write-readme': { type: 'boolean', default: false },
  },
})
const dir = path.resolve(args.dir)
const maxMainKb = Number(args['max-main-kb'])
if (!Number.isFinite(maxMainKb) || maxMainKb <= 0) {
  console.error(`size: --max-main-kb 应为正数，收到 ${args['max-main-kb']}`)
  process.exit(2)
}

if (!args['no-build']) {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const appJsonPath = path.join(dir, 'app.json')
if (!fs.existsSync(appJsonPath)) {
  console.error(`size: ${appJsonPath} 不存在，请先运行 npm run build:weapp`)
  process.exit(1)
}

// Not uploaded as code: DevTools project files, license banners and source maps.
const NOT_COUNTED = [/^project(\.private)?\.config\.json$/, /\.LICENSE\.txt$/, /\.map$/]
const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'))
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((pkg) => pkg.root.replace(/\/$/, ''))

/** Pages are grouped per page; everything else keeps its own name (taro.js, vendors.js …). */
function groupOf (file) {
  const page = /^(pages\/[^/]+)\//.exec(file)
  return page ? page[1] : file
}

const main = new Map()
const subs = new Map(subRoots.map((root) => [root, 0]))
for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue
  const file = path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/')
  if (NOT_COUNTED.some((pattern) => pattern.test(file))) continue
  const bytes = fs.statSync(path.join(dir, file)).size
  const sub = subRoots.find((root) => file.startsWith(`${root}/`))
  if (sub) subs.set(sub, subs.get(sub) + bytes)
  else main.set(groupOf(file), (main.get(groupOf(file)) ?? 0) + bytes)
}

const groups = [...main.entries()].sort((a, b) => b[1] - a[1])
const mainBytes = groups.reduce((sum, [, bytes]) => sum + bytes, 0)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const over = mainBytes > maxMainKb * 1024

if (args.json) {
  console.log(JSON.stringify({
    main: { bytes: mainBytes, groups: Object.fromEntries(groups) },
    subpackages: Object.fromEntries(subs),
    maxMainBytes: maxMainKb * 1024,
  }, null, 2))
} else {
  for (const [name, bytes] of groups) console.log(`${name.padEnd(36)} ${kb(bytes).padStart(10)}`)
  console.log(`${'主包合计'.padEnd(32)} ${kb(mainBytes).padStart(10)}  （预算 ${maxMainKb} KB）`)
  for (const [root, bytes] of subs) console.log(`${`分包 ${root}`.padEnd(34)} ${kb(bytes).padStart(10)}`)
}

if (args['write-readme']) {
  const readme = path.resolve('README.md')
  const rows = [
    ...groups.filter(([, bytes]) => bytes >= 1024).map(([name, bytes]) => `| ${name} | ${kb(bytes)} |`),
    `| 其他（< 1 KB 的文件） | ${kb(groups.filter(([, b]) => b < 1024).reduce((s, [, b]) => s + b, 0))} |`,
    `| **主包合计** | **${kb(mainBytes)}** |`,
    ...[...subs].map(([root, bytes]) => `| 分包 ${root} | ${kb(bytes)} |`),
  ]
  const block = `<!-- size:start -->\n| 部分 | 体积 |\n| --- | --- |\n${rows.join('\n')}\n<!-- size:end -->`
  const text = fs.readFileSync(readme, 'utf8')
  if (!/<!-- size:start -->[\s\S]*<!-- size:end -->/.test(text)) {
    console.error('size: README.md 中没有 <!-- size:start --> … <!-- size:end --> 区块')
    process.exit(1)
  }
  // A function replacement, so a `$` in a file name is not read as a replacement pattern.
  fs.writeFileSync(readme, text.replace(/<!-- size:start -->[\s\S]*<!-- size:end -->/, () => block))
}

if (over) {
  console.error(`size: 主包 ${kb(mainBytes)} 超过预算 ${maxMainKb} KB`)
  process.exit(1)
}
