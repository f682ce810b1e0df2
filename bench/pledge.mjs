#!/usr/bin/env node
// `npm run bench:pledge` (not a test): the local runner's pledge API on 127.0.0.1 over a SQLite
// file already holding 1,000,000 pledges, one company named by 10% of them, with durable
// acknowledgements (the store's synchronous = FULL). Seeds the rows and their count tables
// directly in one transaction, starts the server (bundled with esbuild, RATE_LIMIT=off so the
// per-IP limits stay out of the way) and, as the floor, a bare Node HTTP server answering fixed
// JSON. Then, in each of several rounds, in an order rotated per round, with autocannon:
//   floor   the bare server, sign requests (50 connections)
//   plain   {"action":"sign"}, a fresh signed session cookie per request (50 connections)
//   hot     the same naming the 10% company
//   stats   {"action":"stats"} alone (8 clients)
//   mixed   plain signs while 8 clients loop on stats
// and prints each figure's median over the rounds, ratios as the median of per-round ratios,
// PASS/MISS for each target (a miss does not change the exit code) and the CPU other processes
// took meanwhile (/proc/stat: on a shared machine that moves every figure). At the end it stops the
// server with SIGTERM and checks that rows = counter, the count tables match the rows (the
// store's audit) and every acknowledged sign is stored; only a mismatch there exits 1.
//   node bench/pledge.mjs [--rows 1000000] [--rounds 5] [--duration 4] [--connections 50] [--stats-clients 8]
import { spawn } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import * as esbuild from 'esbuild'
import { median } from './median.mjs'

const TARGETS = { hotRatio: 0.9, statsP99Ms: 5, mixedSignP99Ms: 50, floorRatio: 0.8 }
const HOT_COMPANY = '质量月示范企业'
const HOT_SHARE = 0.1
const PHASES = ['floor', 'plain', 'hot', 'stats', 'mixed']

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '4' },
    connections: { type: 'string', default: '50' },
    'stats-clients': { type: 'string', default: '8' },
  },
})
const seedRows = Number(args.rows)
const rounds = Number(args.rounds)
const duration = Number(args.duration)
const connections = Number(args.connections)
const statsClients = Number(args['stats-clients'])

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pledge-'))
// Bundles live under node_modules so that they resolve better-sqlite3 (the store's checkpointer
// thread resolves it at run time, too).
fs.mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true })
const bundles = fs.mkdtempSync(path.join(root, 'node_modules/.cache/bench-pledge-'))
// Also when the run fails half-way: the seeded file is hundreds of megabytes.
process.on('exit', () => {
  fs.rmSync(work, { recursive: true, force: true })
  fs.rmSync(bundles, { recursive: true, force: true })
})
const dbPath = path.join(work, 'pledge.db')
const secret = randomBytes(32).toString('hex')

await esbuild.build({
  entryPoints: { server: path.join(root, 'server/main.ts'), store: path.join(root, 'cloud/core/stores/sqlite.ts') },
  outdir: bundles,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
})
const { openSqliteStore } = createRequire(import.meta.url)(path.join(bundles, 'store.cjs'))

// Session ids as server/session-cookie.ts signs them: <32 hex>.<base64url HMAC-SHA256(secret, id)>.
// This run's prefix + a sequence number, so any stored id tells which request it was.
const runPrefix = randomBytes(8).toString('hex')
const idOf = (n) => runPrefix + n.toString(16).padStart(16, '0')
const cookieFor = (id) => `qm_sid=${id}.${createHmac('sha256', secret).update(id).digest('base64url')}`

/** Rows as a long campaign leaves them: 10% the hot company, 40% over 5,000 others, 20% from events, 20% via shares. */
async function seed () {
  await openSqliteStore(dbPath).close()
  const db = new Database(dbPath)
  // The file is thrown away if seeding fails, so no journal and no fsync while filling it.
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  const insert = db.prepare('INSERT INTO pledges (identity, number, company, source, pledged_at) VALUES (?, ?, ?, ?, ?)')
  const seedPrefix = randomBytes(8).toString('hex')
  const hotEvery = Math.round(1 / HOT_SHARE)
  db.transaction(() => {
    for (let i = 0; i < seedRows; i += 1) {
      const k = i % hotEvery
      const company = k === 0 ? HOT_COMPANY : k <= 4 ? `企业${(i * 7919) % 5000}` : null
      const s = i % 5
      const source = s === 0 ? `e:${((i * 31) % 200).toString(36).padStart(8, '0')}` : s === 1 ? `s:${(i % 50_000).toString(36)}` : null
      insert.run(seedPrefix + i.toString(16).padStart(16, '0'), i + 1, company, source, '2024-09-01T00:00:00.000Z')
    }
    // The same counts the store keeps, taken from the rows just written.
    db.exec(`
      INSERT INTO company_counts (company, count) SELECT company, count(*) FROM pledges WHERE company IS NOT NULL GROUP BY company;
      INSERT INTO source_counts (source, count) SELECT source, count(*) FROM pledges WHERE source IS NOT NULL GROUP BY source;
      UPDATE meta SET total = ${seedRows}, next_number = ${seedRows + 1},
        via_shares = (SELECT count(*) FROM pledges WHERE source >= 's:' AND source < 's;') WHERE id = 1;
    `)
  })()
  db.pragma('journal_mode = WAL')
  db.close()
}

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

async function waitForServer (port, child) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
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
  throw new Error('server did not answer within 30 s')
}

// The floor: what Node's HTTP stack alone costs per request, body read and JSON answered as the route does.
const BARE_SERVER = `
const body = JSON.stringify({ code: 0, message: '承诺成功，你的承诺编号是 1000001', data: { pledge: { number: 1000001, company: null, companyCount: 0, pledgedAt: new Date().toISOString() }, alreadyPledged: false, companyRejected: null, total: 1000001 } })
require('node:http').createServer((req, res) => {
  req.on('data', () => {})
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' }).end(body))
}).listen(Number(process.env.PORT), '127.0.0.1')
`

function start (argv, env) {
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, exit }
}

// Other work on the machine skews every figure; /proc (Linux) tells how much CPU went elsewhere.
const TICK_MS = 10
function machineTicks () {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  return { busy: user + nice + system + irq + softirq + steal, all: user + nice + system + idle + iowait + irq + softirq + steal }
}
function processMs (pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

// Sign bookkeeping over the whole run, for the exactness check at the end.
let sent = 0
const acknowledged = new Set()
let failed = 0
const inFlightAtEnd = []

/**
 * autocannon sign requests with a fresh identity each; `company` names it in the body. Only
 * `tracked` runs (against the pledge server) count towards the exactness check.
 */
function signRequests (company, tracked) {
  const contexts = new Set()
  const body = JSON.stringify(company === null ? { action: 'sign' } : { action: 'sign', company })
  return {
    contexts,
    request: {
      method: 'POST',
      path: '/api/pledge',
      headers: { 'content-type': 'application/json' },
      body,
      setupRequest: (request, context) => {
        context.inFlight = idOf(sent)
        contexts.add(context)
        sent += 1
        return { ...request, headers: { ...request.headers, cookie: cookieFor(context.inFlight) } }
      },
      onResponse: (status, text, context) => {
        if (status !== 200 || !text.startsWith('{"code":0,')) failed += 1
        else if (tracked) acknowledged.add(context.inFlight)
        context.inFlight = null
      },
    },
  }
}

/** Each stats client keeps one identity, as a browser would. */
function statsRequest () {
  return {
    method: 'POST',
    path: '/api/pledge',
    headers: { 'content-type': 'application/json' },
    body: '{"action":"stats"}',
    setupRequest: (request, context) => {
      context.cookie ??= cookieFor(randomBytes(16).toString('hex'))
      return { ...request, headers: { ...request.headers, cookie: context.cookie } }
    },
  }
}

function summary (result) {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

async function signRun (port, company, seconds, tracked = true) {
  const { contexts, request } = signRequests(company, tracked)
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests: [request] })
  if (tracked) inFlightAtEnd.push(...[...contexts].map((context) => context.inFlight).filter(Boolean))
  return summary(result)
}

async function statsRun (port, seconds) {
  return summary(await autocannon({ url: `http://127.0.0.1:${port}`, connections: statsClients, duration: seconds, requests: [statsRequest()] }))
}

const seedStart = Date.now()
await seed()
const seedSeconds = (Date.now() - seedStart) / 1000

const [port, barePort] = [await freePort(), await freePort()]
const server = start([path.join(bundles, 'server.cjs')], { PORT: String(port), DB_PATH: dbPath, RATE_LIMIT: 'off', SESSION_SECRET: secret })
const bare = start(['-e', BARE_SERVER], { PORT: String(barePort) })

const figures = Object.fromEntries([...PHASES, 'mixedStats'].map((phase) => [phase, []]))
const machineBefore = fs.existsSync('/proc/stat') ? machineTicks() : null
const benchBefore = process.cpuUsage()
let elsewhere = null
try {
  await Promise.all([waitForServer(port, server.child), waitForServer(barePort, bare.child)])
  // Warm-up: JIT and page cache, not recorded (its signs are checked like the rest).
  await signRun(barePort, null, 1, false)
  await signRun(port, null, 1)
  await statsRun(port, 1)

  for (let round = 0; round < rounds; round += 1) {
    const order = PHASES.map((_p, i) => PHASES[(i + round) % PHASES.length])
    for (const phase of order) {
      if (phase === 'floor') figures.floor.push(await signRun(barePort, null, duration, false))
      if (phase === 'plain') figures.plain.push(await signRun(port, null, duration))
      if (phase === 'hot') figures.hot.push(await signRun(port, HOT_COMPANY, duration))
      if (phase === 'stats') figures.stats.push(await statsRun(port, duration))
      if (phase === 'mixed') {
        const [signs, stats] = await Promise.all([signRun(port, null, duration), statsRun(port, duration)])
        figures.mixed.push(signs)
        figures.mixedStats.push(stats)
      }
    }
  }
  if (machineBefore !== null) {
    const after = machineTicks()
    const ours = processMs(server.child.pid) + processMs(bare.child.pid) + process.cpuUsage(benchBefore).user / 1000 + process.cpuUsage(benchBefore).system / 1000
    elsewhere = Math.max(0, ((after.busy - machineBefore.busy) * TICK_MS - ours) / ((after.all - machineBefore.all) * TICK_MS))
  }
} finally {
  server.child.kill('SIGTERM')
  bare.child.kill('SIGTERM')
}
const exit = await server.exit
await bare.exit

// Exact: counter = rows, the count tables agree with the rows, and the rows of this run are the
// acknowledged signs plus those still in flight when a run's clock ran out.
const store = openSqliteStore(dbPath)
const audit = await store.audit()
await store.close()
const db = new Database(dbPath, { readonly: true })
const stored = new Set(db.prepare('SELECT identity FROM pledges WHERE identity >= ? AND identity < ?').pluck().all(runPrefix, `${runPrefix}g`))
db.close()
const storedInFlight = inFlightAtEnd.filter((id) => stored.has(id)).length
const errors = Object.values(figures).flat().reduce((sum, f) => sum + f.errors, 0)
const exact = audit.rows === audit.counter && audit.drift.length === 0 &&
  [...acknowledged].every((id) => stored.has(id)) && stored.size === acknowledged.size + storedInFlight &&
  audit.rows === seedRows + stored.size && failed === 0 && errors === 0

const med = (phase, key) => median(figures[phase].map((f) => f[key]))
const ratios = (a, b) => figures[a].map((f, i) => f.rps / figures[b][i].rps)
const hotRatios = ratios('hot', 'plain')
const floorRatios = ratios('plain', 'floor')
const hotRatio = median(hotRatios)
const floorRatio = median(floorRatios)
const perRound = (values) => `per round ${values.map((v) => v.toFixed(2)).join(' ')}`
const statsP99 = med('stats', 'p99')
const mixedSignP99 = med('mixed', 'p99')
const mark = (ok) => (ok ? 'PASS' : 'MISS')
const n = (value) => Math.round(value).toLocaleString('en-US')
const row = (label, phase) => `${label.padEnd(34)}${n(med(phase, 'rps')).padStart(8)}${String(med(phase, 'p50')).padStart(8)}${String(med(phase, 'p99')).padStart(8)}`

console.log([
  `${os.cpus().length} cores, Node ${process.version}; ${n(seedRows)} seeded rows (${HOT_SHARE * 100}% ${HOT_COMPANY}) in ${seedSeconds.toFixed(1)} s;`,
  `${rounds} rounds × ${PHASES.length} phases × ${duration} s, ${connections} sign connections, ${statsClients} stats clients;`,
  `CPU taken by other processes during the rounds: ${elsewhere === null ? 'unknown (no /proc)' : `${Math.round(elsewhere * 100)}% of the machine`}`,
  '',
  `${'median of the rounds'.padEnd(34)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}`,
  row('bare Node HTTP server (floor)', 'floor'),
  row('sign, no company', 'plain'),
  row(`sign naming the ${HOT_SHARE * 100}% company`, 'hot'),
  row(`stats alone, ${statsClients} clients`, 'stats'),
  row(`sign with ${statsClients} clients on stats`, 'mixed'),
  row('  the stats meanwhile', 'mixedStats'),
  '',
  `${mark(hotRatio >= TARGETS.hotRatio)}  10%-company signs / plain signs     ${hotRatio.toFixed(2)}×  (target ≥ ${TARGETS.hotRatio}×; ${perRound(hotRatios)})`,
  `${mark(statsP99 <= TARGETS.statsP99Ms)}  stats p99                           ${statsP99} ms  (target ≤ ${TARGETS.statsP99Ms} ms)`,
  `${mark(mixedSignP99 <= TARGETS.mixedSignP99Ms)}  sign p99 with ${statsClients} stats clients        ${mixedSignP99} ms  (target ≤ ${TARGETS.mixedSignP99Ms} ms)`,
  `${mark(floorRatio >= TARGETS.floorRatio)}  signs / bare Node floor             ${floorRatio.toFixed(2)}×  (target ≥ ${TARGETS.floorRatio}×; ${perRound(floorRatios)})`,
  '',
  `rows ${n(audit.rows)} = ${n(seedRows)} seeded + ${n(stored.size)} signed here, counter ${n(audit.counter)}, count tables ${audit.drift.length === 0 ? 'match the rows' : `drift: ${audit.drift.slice(0, 5).join('; ')}`};`,
  `acknowledged ${n(acknowledged.size)}, stored while in flight at a run's end ${storedInFlight}, failed ${failed}, HTTP errors ${errors}: ${exact ? 'exact' : 'MISMATCH'}`,
  `server stopped by SIGTERM: ${exit.code === 0 ? 'clean exit' : `code ${exit.code}, signal ${exit.signal}`}`,
].join('\n'))
console.log(JSON.stringify({
  rps: Math.round(med('plain', 'rps')),
  p99: med('plain', 'p99'),
  floorRps: Math.round(med('floor', 'rps')),
  floorRatio: Number(floorRatio.toFixed(2)),
  hotRatio: Number(hotRatio.toFixed(2)),
  statsP99,
  mixedSignP99,
  rows: audit.rows,
  elsewhere: elsewhere === null ? null : Number(elsewhere.toFixed(2)),
  exact,
}))
process.exit(exact && exit.code === 0 ? 0 : 1)
