#!/usr/bin/env node
// `npm run bench:burst` (not a test): an event burst against the built cloud function
// (cloud/functions/pledge/index.js) on the fake database that answers as wx-server-sdk does
// (cloud/test/fake-cloud-db.ts), every database request taking 10–30 ms: 1,000 first-time
// signs from distinct OPENIDs arriving within 1 s, 50 of them withdrawn again, then one run of
// the timer trigger. Prints failures, sign/withdraw p50 and p99, the same signs one at a time
// as the floor (median) with ratios to it, conflicts met, and whether total = rows = counts.
//   node bench/burst.mjs [--signs 1000] [--withdraws 50] [--window 1000] [--rounds 3]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as esbuild from 'esbuild'
import { median } from './median.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    signs: { type: 'string', default: '1000' },
    withdraws: { type: 'string', default: '50' },
    window: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
  },
})
const latencyMs = { min: 10, max: 30 }
const file = path.join(root, 'cloud/functions/pledge/index.js')

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-burst-'))
await esbuild.build({
  entryPoints: [path.join(root, 'cloud/test/burst.ts')],
  outfile: path.join(out, 'burst.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
})
const { runBurst, signOneAtATime } = createRequire(import.meta.url)(path.join(out, 'burst.cjs'))

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const rounds = []
for (let round = 0; round < Number(args.rounds); round += 1) {
  const floor = median(await signOneAtATime({ signs: 20, latencyMs, file, seed: round + 1 }))
  const r = await runBurst({ signs: Number(args.signs), withdraws: Number(args.withdraws), windowMs: Number(args.window), latencyMs, file, seed: 20240901 + round })
  const exact = r.audit.rows === r.audit.counter && r.audit.drift.length === 0 && r.published.total === r.audit.rows &&
    new Set(r.numbers).size === r.numbers.length && r.audit.rows === r.numbers.length - Number(args.withdraws)
  rounds.push({
    failures: r.failures.length,
    signP50: quantile(r.signMs, 0.5),
    signP99: quantile(r.signMs, 0.99),
    withdrawP50: quantile(r.withdrawMs, 0.5),
    withdrawP99: quantile(r.withdrawMs, 0.99),
    floor,
    conflicts: r.db.operationConflicts + r.db.commitConflicts,
    requests: r.db.requests,
    exact,
    firstFailures: r.failures.slice(0, 3),
  })
  const last = rounds.at(-1)
  console.log(`round ${round + 1}: ${last.failures} failures · sign p50 ${last.signP50.toFixed(0)} ms p99 ${last.signP99.toFixed(0)} ms · withdraw p50 ${last.withdrawP50.toFixed(0)} ms p99 ${last.withdrawP99.toFixed(0)} ms · one-at-a-time sign ${floor.toFixed(0)} ms · ${last.conflicts} conflicts · ${exact ? 'total = rows = counts' : 'COUNTS DISAGREE'}`)
}
fs.rmSync(out, { recursive: true, force: true })

const summary = {
  bench: 'burst',
  signs: Number(args.signs),
  withdraws: Number(args.withdraws),
  windowMs: Number(args.window),
  latencyMs,
  failures: rounds.reduce((sum, r) => sum + r.failures, 0),
  exact: rounds.every((r) => r.exact),
  signP50Ms: Math.round(median(rounds.map((r) => r.signP50))),
  signP99Ms: Math.round(median(rounds.map((r) => r.signP99))),
  withdrawP50Ms: Math.round(median(rounds.map((r) => r.withdrawP50))),
  withdrawP99Ms: Math.round(median(rounds.map((r) => r.withdrawP99))),
  floorSignMs: Math.round(median(rounds.map((r) => r.floor))),
  p50ToFloor: Number(median(rounds.map((r) => r.signP50 / r.floor)).toFixed(2)),
  p99ToFloor: Number(median(rounds.map((r) => r.signP99 / r.floor)).toFixed(2)),
  conflictsPerSign: Number(median(rounds.map((r) => r.conflicts / Number(args.signs))).toFixed(2)),
}
console.log(JSON.stringify(summary))
if (!summary.exact || summary.failures > 0) {
  console.error('burst: failures or counts that disagree', rounds.flatMap((r) => r.firstFailures))
  process.exitCode = 1
}
