/** @jest-environment node */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { LIMITS } from '../cloud/core/protocol'
import type { StatsResult } from '../cloud/core/protocol'
import { createAppServer } from './app'
import { createPublicStatsRoute, PUBLIC_STATS_PATH, PUBLIC_STATS_REFRESH_MS } from './public-stats'

const T0 = Date.UTC(2024, 8, 23, 8, 0, 0)

/** A store whose `stats` counts its calls and answers `total` = the call's number. */
function countingStore () {
  const reads: Array<{ companies: number; sources: number }> = []
  let fail = false
  return {
    reads,
    failNext: () => { fail = true },
    async stats (limits: { companies: number; sources: number }): Promise<StatsResult> {
      reads.push(limits)
      await new Promise((resolve) => setTimeout(resolve, 20))
      if (fail) {
        fail = false
        throw new Error('database gone')
      }
      return { total: reads.length, topCompanies: [{ company: '示范企业', count: 1 }], sources: [{ source: 'e:a1b2c3d4', count: 1 }] }
    },
    async listHidden () {
      return []
    },
  }
}

const servers: http.Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
})

/** The route behind the app server, at its path, as main.ts wires it. */
async function serve (clock: { now: number }, errors: unknown[] = []) {
  const store = countingStore()
  const route = createPublicStatsRoute(store, { now: () => clock.now, onError: (error) => errors.push(error) })
  const server = createAppServer({ root: __dirname, routes: { [PUBLIC_STATS_PATH]: route } })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PUBLIC_STATS_PATH}`
  return { store, url }
}

test('GET /api/public/stats is exactly a PublicStats document, publicly cacheable for 10 s, with no cookie', async () => {
  const { url, store } = await serve({ now: T0 })
  const res = await fetch(url, { headers: { cookie: 'qm_sid=whatever' } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(res.headers.get('cache-control')).toBe('public, max-age=10')
  expect(res.headers.get('set-cookie')).toBeNull()
  const body = await res.json()
  expect(body).toEqual({
    total: 1,
    topCompanies: [{ company: '示范企业', count: 1 }],
    sources: [{ source: 'e:a1b2c3d4', count: 1 }],
    updatedAt: '2024-09-23T08:00:00.000Z',
  })
  expect(new Date(body.updatedAt).toISOString()).toBe(body.updatedAt)
  expect(store.reads).toEqual([{ companies: LIMITS.topCompanies, sources: LIMITS.topSources }])
})

test('every viewer within 10 s shares one store read, concurrent ones included; after it, one fresh read', async () => {
  expect(PUBLIC_STATS_REFRESH_MS).toBe(10_000)
  expect(PUBLIC_STATS_REFRESH_MS).toBeLessThan(LIMITS.publicStatsMaxAgeMs)
  const clock = { now: T0 }
  const { url, store } = await serve(clock)
  const read = async () => (await fetch(url)).json()

  const burst = await Promise.all(Array.from({ length: 50 }, read))
  expect(store.reads).toHaveLength(1)
  expect(new Set(burst.map((body) => JSON.stringify(body))).size).toBe(1)

  clock.now = T0 + PUBLIC_STATS_REFRESH_MS - 1
  for (let i = 0; i < 20; i += 1) expect(await read()).toMatchObject({ total: 1, updatedAt: '2024-09-23T08:00:00.000Z' })
  expect(store.reads).toHaveLength(1)

  clock.now = T0 + PUBLIC_STATS_REFRESH_MS
  const fresh = await Promise.all(Array.from({ length: 20 }, read))
  expect(store.reads).toHaveLength(2)
  expect(fresh.every((body) => body.total === 2 && body.updatedAt === '2024-09-23T08:00:10.000Z')).toBe(true)
})

test('a failed read answers 500 to the viewers waiting for it, once to onError, and the next viewer tries again', async () => {
  const clock = { now: T0 }
  const errors: unknown[] = []
  const { url, store } = await serve(clock, errors)
  store.failNext()
  const failed = await Promise.all(Array.from({ length: 5 }, () => fetch(url)))
  expect(failed.map((res) => res.status)).toEqual([500, 500, 500, 500, 500])
  expect(failed[0].headers.get('cache-control')).toBe('no-store')
  expect(await failed[0].json()).toMatchObject({ code: 50000, data: null })
  expect(errors).toHaveLength(1)
  expect((await fetch(url)).status).toBe(200)
  expect(store.reads).toHaveLength(2)
})

test('HEAD has the headers only; other methods are 405', async () => {
  const { url } = await serve({ now: T0 })
  const head = await fetch(url, { method: 'HEAD' })
  expect([head.status, await head.text()]).toEqual([200, ''])
  const post = await fetch(url, { method: 'POST' })
  expect(post.status).toBe(405)
  expect(post.headers.get('allow')).toBe('GET, HEAD')
})
