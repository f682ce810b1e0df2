/** @jest-environment node */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { openSqliteStore } from '../core/stores/sqlite'

const root = path.resolve(__dirname, '../..')
let dir: string
let child: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-durability-'))
  child = path.join(dir, 'sign-loop.cjs')
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'fixtures/sign-loop.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  })
})

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Starts the signing child and SIGKILLs it once it has reported `after` signs. */
function signUntilKilled (file: string, prefix: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file, prefix], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let reported = 0
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    proc.stdout.on('data', (chunk: Buffer) => {
      reported = Math.max(reported, ...chunk.toString().trim().split('\n').map(Number))
      if (reported >= after) proc.kill('SIGKILL')
    })
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported)
      else reject(new Error(`child exited on its own (code ${code}): ${stderr}`))
    })
  })
}

it('a child SIGKILLed mid-burst leaves counter = rows, and numbers keep climbing', async () => {
  const file = path.join(dir, 'pledge.db')
  let lastMax = 0
  for (const [round, after] of [[1, 300], [2, 700], [3, 1100]]) {
    const reported = await signUntilKilled(file, `r${round}`, after)
    expect(reported).toBeGreaterThanOrEqual(after)

    const store = openSqliteStore(file)
    const audit = await store.audit()
    expect(audit.counter).toBe(audit.rows)
    expect(audit.rows).toBeGreaterThan(0)
    // A number handed out before the kill is never handed out again.
    const fresh = await store.sign({ identity: `after-${round}`, company: null, source: null, pledgedAt: new Date().toISOString() })
    expect(fresh.pledge.number).toBeGreaterThan(lastMax)
    expect(fresh.pledge.number).toBeGreaterThan(reported)
    lastMax = fresh.pledge.number
    expect(await store.audit()).toEqual({ rows: audit.rows + 1, counter: audit.rows + 1 })
    await store.close()
  }
}, 60_000)
