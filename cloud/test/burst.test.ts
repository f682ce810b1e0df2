/** @jest-environment node */
/**
 * `npm run bench:burst` in small: the built function under an event burst on the faithful fake
 * (per-request latency 10–30 ms): 200 first-time signs within 1 s and 50 withdrawals.
 */
import { runBurst } from './burst'

jest.setTimeout(60_000)

it('200 signs within 1 s and 50 withdrawals: no failures, unique numbers, total = rows = maintained counts', async () => {
  const result = await runBurst({ signs: 200, withdraws: 50, windowMs: 1000, latencyMs: { min: 10, max: 30 } })
  expect(result.failures).toEqual([])
  expect(result.numbers).toHaveLength(200)
  expect(new Set(result.numbers).size).toBe(200)
  expect(result.audit).toEqual({ rows: 150, counter: 150, drift: [] })
  expect(result.published.total).toBe(150)
  expect(result.publishedCompanies).toEqual(result.storedCompanies.slice(0, result.publishedCompanies.length))
  // The burst really contended: some transactions met conflicts and were retried.
  expect(result.db.operationConflicts + result.db.commitConflicts).toBeGreaterThan(0)
  // Nothing on the request path read pledges by condition; only the audit did (count + pages).
  expect(result.db.queries.pledges).toBeLessThanOrEqual(2)
})
