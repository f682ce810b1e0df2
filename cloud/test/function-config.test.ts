/** @jest-environment node */
/**
 * The pledge function's deployment settings. WeChat DevTools reads a function's config.json for
 * its 云调用 permissions (and timer triggers) only; no documented key there sets the time limit,
 * which stays at CloudBase's 3 s unless set in the console or with the CloudBase CLI, whose
 * config file (cloud/cloudbaserc.json, `functions[].timeout`) records it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CONTENT_CHECK_TIMEOUT_MS } from '../core/content-check'
import { LIMITS, PUBLIC_STATS_TIMING } from '../core/protocol'
import { RETRY_BASE_MS, RETRY_CAP_MS, RETRY_ROUNDS } from '../core/stores/cloudbase'

interface FunctionSettings { name: string; timeout?: number }

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', file), 'utf8'))

const pledge = (readJson('cloudbaserc.json') as { functions: FunctionSettings[] }).functions.find((fn) => fn.name === 'pledge')
const timeoutMs = (pledge?.timeout ?? 0) * 1000

/** A rough allowance after the longest check, not a measurement: a sign's reads and transaction rounds, or a share code's generate and upload. */
const AFTER_CHECK_MS = 5000

it('config.json grants the openapi calls the entry makes', () => {
  expect(readJson('functions/pledge/config.json')).toMatchObject({
    permissions: { openapi: expect.arrayContaining(['security.msgSecCheck', 'wxacode.getUnlimited']) },
  })
})

it('pledge may run at least 10 s, within the CLI\'s 1–60 s', () => {
  expect(pledge?.timeout).toEqual(expect.any(Number))
  expect(pledge?.timeout).toBeGreaterThanOrEqual(10)
  expect(pledge?.timeout).toBeLessThanOrEqual(60)
})

it('leaves room after the longest content check for the store calls', () => {
  expect(timeoutMs - CONTENT_CHECK_TIMEOUT_MS).toBeGreaterThanOrEqual(AFTER_CHECK_MS)
})

it('the timer trigger rewrites the public counts every PUBLIC_STATS_TIMING.writtenEveryMs; with the page\'s reads a shown count is never older than LIMITS.publicStatsMaxAgeMs', () => {
  const { triggers } = readJson('functions/pledge/config.json') as { triggers?: Array<{ name: string; type: string; config: string }> }
  const timer = triggers?.find((trigger) => trigger.type === 'timer')
  // WeChat's timer cron has seven fields, seconds first: "*/10 * * * * * *".
  const fields = timer?.config.split(' ') ?? []
  expect(fields).toHaveLength(7)
  const every = /^\*\/(\d+)$/.exec(fields[0])
  expect(every).not.toBeNull()
  const periodMs = Number(every?.[1]) * 1000
  expect(fields.slice(1)).toEqual(['*', '*', '*', '*', '*', '*'])
  expect(periodMs).toBe(PUBLIC_STATS_TIMING.writtenEveryMs)
  // Read just before the next run, shown until the next read, plus the run's own time.
  expect(PUBLIC_STATS_TIMING.writtenEveryMs + PUBLIC_STATS_TIMING.readEveryMs + AFTER_CHECK_MS).toBeLessThanOrEqual(LIMITS.publicStatsMaxAgeMs)
})

it('a sign\'s worst-case conflict backoff fits in the time left after the content check', () => {
  let worst = 0
  for (let round = 1; round < RETRY_ROUNDS; round += 1) worst += Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** round)
  expect(CONTENT_CHECK_TIMEOUT_MS + worst + AFTER_CHECK_MS).toBeLessThanOrEqual(timeoutMs)
})
