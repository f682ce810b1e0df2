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

/**
 * Starts the signing child and SIGKILLs it once it has reported `after` signs; resolves with the
 * last count it reported, every sign (and withdrawal) up to which had been acknowledged.
 */
function signUntilKilled (file: string, prefix: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file, prefix], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let reported = 0
    let partial = ''
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    proc.stdout.on('data', (chunk: Buffer) => {
      // A chunk may end mid-line; only whole lines are counts.
      const lines = (partial + chunk.toString()).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) reported = Math.max(reported, Number(line))
      if (reported >= after) proc.kill('SIGKILL')
    })
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported)
      else reject(new Error(`child exited on its own (code ${code}): ${stderr}`))
    })
  })
}

/**
 * What fixtures/sign-loop.ts had been told was stored once it reported `reported`: signs
 * 0 … reported-1, less those it withdrew (it withdraws sign i-3 after sign i when i % 7 === 6).
 */
function acknowledged (prefix: string, reported: number): { present: string[]; withdrawn: string[] } {
  const withdrawn = new Set<number>()
  for (let i = 6; i < reported; i += 7) withdrawn.add(i - 3)
  const present = Array.from({ length: reported }, (_u, i) => i).filter((i) => !withdrawn.has(i))
  return { present: present.map((i) => `${prefix}-${i}`), withdrawn: [...withdrawn].map((i) => `${prefix}-${i}`) }
}

it('a child SIGKILLed mid-burst keeps every acknowledged pledge, counts = rows, and numbers keep climbing', async () => {
  const file = path.join(dir, 'pledge.db')
  let lastMax = 0
  for (const [round, after] of [[1, 300], [2, 700], [3, 1100]]) {
    const prefix = `r${round}`
    const reported = await signUntilKilled(file, prefix, after)
    expect(reported).toBeGreaterThanOrEqual(after)

    const store = openSqliteStore(file)
    const audit = await store.audit()
    expect(audit).toEqual({ rows: audit.counter, counter: audit.counter, drift: [] })
    const { present, withdrawn } = acknowledged(prefix, reported)
    const missing = (await Promise.all(present.map(async (id) => ((await store.get(id)) === null ? id : null)))).filter((id) => id !== null)
    expect(missing).toEqual([])
    const back = (await Promise.all(withdrawn.map(async (id) => ((await store.get(id)) === null ? null : id)))).filter((id) => id !== null)
    expect(back).toEqual([])
    // A number handed out before the kill is never handed out again.
    const fresh = await store.sign({ identity: `after-${round}`, company: '甲公司', source: null, pledgedAt: new Date().toISOString() })
    expect(fresh.pledge.number).toBeGreaterThan(lastMax)
    expect(fresh.pledge.number).toBeGreaterThan(reported)
    lastMax = fresh.pledge.number
    expect(await store.audit()).toEqual({ rows: audit.rows + 1, counter: audit.rows + 1, drift: [] })
    await store.close()
  }
}, 60_000)
