#!/usr/bin/env node
// `npm run bench:pledge`: unique-identity pledges against the local runner on 127.0.0.1.
// Starts the server (bundled with esbuild) on a free port with a temporary DB_PATH and
// RATE_LIMIT=off, drives POST /api/pledge {"action":"sign"} with autocannon (50 connections,
// 10 s), each request with its own freshly signed session cookie, then stops the server with
// SIGTERM and checks that the stored rows, the counter and the successful signs all agree.
//   node bench/pledge.mjs [--entry server/main.ts] [--connections 50] [--duration 10]
// Targets on the 2-core dev machine: ≥ 10,000 pledges/s, p99 ≤ 15 ms. Exits 1 on a count
// mismatch or a missed target.
import { spawn } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import * as esbuild from 'esbuild'

const TARGET_RPS = 10_000
const TARGET_P99_MS = 15

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    entry: { type: 'string', default: 'server/main.ts' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
  },
})

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pledge-'))
const bundle = path.join(work, 'server.cjs')
const dbPath = path.join(work, 'pledge.db')
const secret = randomBytes(32).toString('hex')

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

async function waitForServer (port, server) {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/pledge`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"stats"}',
      })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not answer within 15 s')
}

// Same format as server/session-cookie.ts: <32 hex id>.<base64url HMAC-SHA256(secret, id)>.
// The id is this run's prefix + a sequence number, so any stored id tells which request it was.
const prefix = randomBytes(8).toString('hex')
const idOf = (n) => prefix + n.toString(16).padStart(16, '0')
const cookieFor = (id) => `qm_sid=${id}.${createHmac('sha256', secret).update(id).digest('base64url')}`

await esbuild.build({
  entryPoints: [path.resolve(root, args.entry)],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
})

const port = await freePort()
const server = spawn(process.execPath, [bundle], {
  cwd: root,
  env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), PORT: String(port), DB_PATH: dbPath, RATE_LIMIT: 'off', SESSION_SECRET: secret },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const serverExit = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })))

// Each connection has one request in flight; its context remembers which identity that is.
let sent = 0
let acknowledged = 0
let failed = 0
const contexts = new Set()
let result
try {
  await waitForServer(port, server)
  result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Number(args.connections),
    duration: Number(args.duration),
    requests: [{
      method: 'POST',
      path: '/api/pledge',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"sign"}',
      setupRequest: (request, context) => {
        context.inFlight = idOf(sent)
        contexts.add(context)
        sent += 1
        return { ...request, headers: { ...request.headers, cookie: cookieFor(context.inFlight) } }
      },
      onResponse: (status, body, context) => {
        context.inFlight = null
        if (status === 200 && body.startsWith('{"code":0,')) acknowledged += 1
        else failed += 1
      },
    }],
  })
} finally {
  server.kill('SIGTERM')
}
const exit = await serverExit

const db = new Database(dbPath, { readonly: true })
const stored = new Set(db.prepare('SELECT identity FROM pledges').pluck().all())
const counter = db.prepare('SELECT total FROM meta WHERE id = 1').get().total
db.close()
fs.rmSync(work, { recursive: true, force: true })

// Exact: the counter equals the rows; every stored id is one this run sent; and the rows are the
// acknowledged signs plus those of the requests still in flight when the clock ran out. With no
// failures, every sent request was acknowledged or in flight, so every acknowledged one is stored.
const inFlight = [...contexts].map((context) => context.inFlight).filter(Boolean)
const storedInFlight = inFlight.filter((id) => stored.has(id)).length
const exact = counter === stored.size &&
  [...stored].every((id) => id.startsWith(prefix) && parseInt(id.slice(prefix.length), 16) < sent) &&
  stored.size === acknowledged + storedInFlight &&
  failed === 0 && result.errors === 0 && result.timeouts === 0

const rps = result.requests.average
const p99 = result.latency.p99
const signed = acknowledged
console.log([
  `pledges/s ${Math.round(rps)} (target ≥ ${TARGET_RPS})`,
  `p99 ${p99} ms (target ≤ ${TARGET_P99_MS}); p50 ${result.latency.p50} ms, max ${result.latency.max} ms`,
  `signed ${signed}, failed ${failed}, errors ${result.errors}, timeouts ${result.timeouts}`,
  `rows ${stored.size}, counter ${counter}, stored but still in flight at the end ${storedInFlight}: ${exact ? 'exact' : 'MISMATCH'}`,
  `server stopped by SIGTERM: ${exit.code === 0 ? 'clean exit' : `code ${exit.code}, signal ${exit.signal}`}`,
].join('\n'))
console.log(JSON.stringify({ rps: Math.round(rps), p99, signed, rows: stored.size, counter, exact }))
process.exit(exact && rps >= TARGET_RPS && p99 <= TARGET_P99_MS && exit.code === 0 ? 0 : 1)
