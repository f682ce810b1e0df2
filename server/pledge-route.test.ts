/** @jest-environment node */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWordListChecker } from '../cloud/core/content-check'
import { handle } from '../cloud/core/handle'
import { ErrorCode, LIMITS } from '../cloud/core/protocol'
import { createMemoryStore } from '../cloud/core/stores/memory'
import type { PledgeStore } from '../cloud/core/store'
import { createRateLimiter, createWindowLimiter, DEFAULT_NEW_SESSIONS_PER_MINUTE } from './limiters'
import { createFunctionRoute } from './pledge-route'
import type { CloudFunction, FunctionRouteOptions } from './pledge-route'
import { createSessionKeys, SESSION_MAX_AGE_S, SESSION_SECRET_MIN_BYTES } from './session-cookie'

const SECRET = 'test-secret-0123456789abcdef'
const ORGANISER_KEY = 'route-test-organiser-key'
const sessions = createSessionKeys({ secret: SECRET, organiserKey: ORGANISER_KEY })

interface Reply { status: number; headers: http.IncomingHttpHeaders; json: { code: number; message: string; data: unknown } }

async function serve (options: Partial<FunctionRouteOptions> = {}, fn?: CloudFunction) {
  const store = createMemoryStore()
  const contentCheck = createWordListChecker()
  const calls: string[] = []
  const route = createFunctionRoute(async (identity, data) => {
    calls.push(identity)
    return (fn ?? ((id, d) => handle(id, d, { store, contentCheck })))(identity, data)
  }, { sessions, ...options })
  const server = http.createServer((req, res) => { void route(req, res) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const request = (options: {
    body?: string | Buffer; cookie?: string; type?: string | null; method?: string; chunked?: boolean; forwardedFor?: string
  }) =>
    new Promise<Reply>((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {}
      if (options.forwardedFor !== undefined) headers['x-forwarded-for'] = options.forwardedFor
      if (options.type !== null) headers['content-type'] = options.type ?? 'application/json'
      if (options.cookie !== undefined) headers.cookie = options.cookie
      if (options.body !== undefined && !options.chunked) headers['content-length'] = Buffer.byteLength(options.body)
      const req = http.request({ host: '127.0.0.1', port, path: '/api/pledge', method: options.method ?? 'POST', headers }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => { text += chunk })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) }))
      })
      req.on('error', reject)
      if (options.body !== undefined) req.write(options.body)
      req.end()
    })
  const call = (data: unknown, cookie?: string, forwardedFor?: string) => request({ body: JSON.stringify(data), cookie, forwardedFor })
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return { store, calls, request, call, close }
}

const cookieOf = (reply: Reply): string => {
  const header = reply.headers['set-cookie']?.[0]
  if (header === undefined) throw new Error('no Set-Cookie')
  return header.split(';')[0]
}

async function expectNothingStored (store: PledgeStore) {
  expect(await store.audit()).toMatchObject({ rows: 0, counter: 0 })
}

describe('pledge route: sessions', () => {
  let server: Awaited<ReturnType<typeof serve>>
  beforeEach(async () => { server = await serve() })
  afterEach(() => server.close())

  it('issues a signed, HttpOnly session cookie and keeps the identity with it', async () => {
    const first = await server.call({ action: 'sign' })
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ code: 0, data: { pledge: { number: 1 }, alreadyPledged: false } })
    const setCookie = first.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toMatch(/^qm_sid=[0-9a-f]{32}\.[\w-]{43}; /)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).toContain(`Max-Age=${SESSION_MAX_AGE_S}`)
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')

    const again = await server.call({ action: 'status' }, cookieOf(first))
    expect(again.headers['set-cookie']).toBeUndefined()
    expect(again.json.data).toMatchObject({ pledge: { number: 1 }, total: 1 })
  })

  it('two cookies are two identities', async () => {
    const a = await server.call({ action: 'sign' })
    const b = await server.call({ action: 'sign' })
    expect(cookieOf(a)).not.toBe(cookieOf(b))
    expect((await server.call({ action: 'status' }, cookieOf(a))).json.data).toMatchObject({ pledge: { number: 1 }, total: 2 })
    expect((await server.call({ action: 'status' }, cookieOf(b))).json.data).toMatchObject({ pledge: { number: 2 }, total: 2 })
  })

  it.each([
    ['a tampered id', (c: string) => c.replace(/=(.)/, (_m, ch: string) => `=${ch === 'a' ? 'b' : 'a'}`)],
    ['a forged signature', (c: string) => `${c.split('.')[0]}.${'A'.repeat(43)}`],
    ['no signature', (c: string) => c.split('.')[0]],
    ['a cookie signed with another secret', (c: string) => `qm_sid=${createSessionKeys({ secret: 'another-secret-0123456789', organiserKey: ORGANISER_KEY }).sign(c.slice(7, 39))}`],
  ])('%s is ignored: a new session, not the victim\'s pledge', async (_label, forge) => {
    const victim = cookieOf(await server.call({ action: 'sign' }))
    const forged = await server.call({ action: 'status' }, forge(victim))
    expect(forged.json.data).toEqual({ pledge: null, total: 1 })
    expect(cookieOf(forged)).not.toBe(victim)
  })

  it('finds its cookie among others', async () => {
    const mine = cookieOf(await server.call({ action: 'sign' }))
    const reply = await server.call({ action: 'status' }, `theme=dark; ${mine}; other=1`)
    expect(reply.json.data).toMatchObject({ pledge: { number: 1 } })
  })

  it(`refuses a secret shorter than ${SESSION_SECRET_MIN_BYTES} bytes`, () => {
    expect(() => createSessionKeys({ secret: 'x'.repeat(SESSION_SECRET_MIN_BYTES - 1), organiserKey: ORGANISER_KEY })).toThrow(/16 bytes/)
    expect(() => createSessionKeys({ secret: Buffer.alloc(SESSION_SECRET_MIN_BYTES), organiserKey: ORGANISER_KEY })).not.toThrow()
  })
})

describe('pledge route: malformed HTTP requests', () => {
  let server: Awaited<ReturnType<typeof serve>>
  beforeAll(async () => { server = await serve() })
  afterAll(async () => {
    await expectNothingStored(server.store)
    await server.close()
  })

  const sign = JSON.stringify({ action: 'sign' })
  it.each([
    ['bad JSON', { body: '{"action":"sign"' }, 400, ErrorCode.INVALID_JSON],
    ['empty body', { body: '' }, 400, ErrorCode.INVALID_JSON],
    ['JSON with a trailing comma', { body: '{"action":"sign",}' }, 400, ErrorCode.INVALID_JSON],
    ['invalid UTF-8', { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, 400, ErrorCode.INVALID_JSON],
    ['text/plain', { body: sign, type: 'text/plain' }, 415, ErrorCode.BAD_REQUEST],
    ['form encoded', { body: 'action=sign', type: 'application/x-www-form-urlencoded' }, 415, ErrorCode.BAD_REQUEST],
    ['no content type', { body: sign, type: null }, 415, ErrorCode.BAD_REQUEST],
    ['GET', { method: 'GET' }, 405, ErrorCode.BAD_REQUEST],
    ['oversized, declared', { body: JSON.stringify({ action: 'sign', company: 'x'.repeat(5000) }) }, 413, ErrorCode.TOO_LARGE],
    ['oversized, streamed without a length', { body: JSON.stringify({ action: 'sign', company: 'x'.repeat(20000) }), chunked: true }, 413, ErrorCode.TOO_LARGE],
    ['valid JSON, not an object', { body: '"sign"' }, 200, ErrorCode.BAD_REQUEST],
    ['valid JSON, openid in body', { body: JSON.stringify({ action: 'sign', openid: 'o1' }) }, 200, ErrorCode.IDENTITY_IN_BODY],
  ] as const)('%s → a JSON error with its status and code', async (_label, options, status, code) => {
    const reply = await server.request(options)
    expect(reply.status).toBe(status)
    expect(reply.json).toEqual({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/), data: null })
  })

  it(`accepts a body of exactly ${LIMITS.bodyBytes} bytes and refuses one more`, async () => {
    const padded = (bytes: number) => {
      const base = JSON.stringify({ action: 'stats', pad: '' })
      return JSON.stringify({ action: 'stats', pad: 'x'.repeat(bytes - Buffer.byteLength(base)) })
    }
    const atLimit = await server.request({ body: padded(LIMITS.bodyBytes) })
    expect([atLimit.status, atLimit.json.code]).toEqual([200, ErrorCode.UNKNOWN_FIELD])
    const over = await server.request({ body: padded(LIMITS.bodyBytes + 1), chunked: true })
    expect([over.status, over.json.code]).toEqual([413, ErrorCode.TOO_LARGE])
  })
})

describe('pledge route: rate limit on writes', () => {
  it('a token bucket per IP limits sign/withdraw/createEvent, never reads, and refills over time', async () => {
    let now = 1_000_000
    const server = await serve({ limiter: createRateLimiter({ perSecond: 1, burst: 3 }, () => now) })
    try {
      for (let i = 0; i < 3; i += 1) expect((await server.call({ action: 'sign' })).json.code).toBe(0)
      const limited = await server.call({ action: 'sign' })
      expect([limited.status, limited.json.code]).toEqual([429, ErrorCode.RATE_LIMITED])
      expect((await server.call({ action: 'withdraw' })).json.code).toBe(ErrorCode.RATE_LIMITED)
      const event = { action: 'createEvent', name: '开放日', date: '2024-09-10', place: '北京' }
      expect((await server.call(event)).json.code).toBe(ErrorCode.RATE_LIMITED)
      for (let i = 0; i < 10; i += 1) expect((await server.call({ action: 'stats' })).json.code).toBe(0)
      expect(await server.store.audit()).toMatchObject({ rows: 3, counter: 3 })
      now += 1000
      expect((await server.call({ action: 'sign' })).json.code).toBe(0)
      expect((await server.call({ action: 'sign' })).json.code).toBe(ErrorCode.RATE_LIMITED)
    } finally {
      await server.close()
    }
  })

  it('off means off', async () => {
    const server = await serve({ limiter: createRateLimiter(false), newSessions: createWindowLimiter(false, 60_000) })
    try {
      const replies = await Promise.all(Array.from({ length: 50 }, () => server.call({ action: 'sign' })))
      expect(replies.every((r) => r.json.code === 0)).toBe(true)
      expect(await server.store.audit()).toMatchObject({ rows: 50, counter: 50 })
    } finally {
      await server.close()
    }
  })
})

describe('pledge route: new identities per client IP', () => {
  const LIMITED = { code: ErrorCode.RATE_LIMITED, message: '操作太频繁，请稍后再试', data: null }

  it(`${DEFAULT_NEW_SESSIONS_PER_MINUTE} requests without a cookie get identities; the next gets 429, no cookie, and the function never runs`, async () => {
    const server = await serve()
    try {
      const first = await Promise.all(Array.from({ length: DEFAULT_NEW_SESSIONS_PER_MINUTE }, () => server.call({ action: 'status' })))
      expect(first.every((reply) => reply.status === 200)).toBe(true)
      expect(new Set(first.map(cookieOf)).size).toBe(DEFAULT_NEW_SESSIONS_PER_MINUTE)
      expect(server.calls).toHaveLength(DEFAULT_NEW_SESSIONS_PER_MINUTE)

      for (const data of [{ action: 'status' }, { action: 'sign' }]) {
        const refused = await server.call(data)
        expect(refused.status).toBe(429)
        expect(refused.json).toEqual(LIMITED)
        expect(refused.headers['set-cookie']).toBeUndefined()
      }
      expect(server.calls).toHaveLength(DEFAULT_NEW_SESSIONS_PER_MINUTE)

      // A browser that already has its identity is not held back by the newcomers' limit.
      const signed = await server.call({ action: 'sign' }, cookieOf(first[0]))
      expect([signed.status, signed.json.code]).toEqual([200, 0])
      expect(signed.headers['set-cookie']).toBeUndefined()
    } finally {
      await server.close()
    }
  })

  it('a forged cookie counts as none', async () => {
    const server = await serve({ newSessions: createWindowLimiter(1, 60_000) })
    try {
      const first = await server.call({ action: 'status' })
      const forged = `${cookieOf(first).split('.')[0]}.${'A'.repeat(43)}`
      expect((await server.call({ action: 'status' }, forged)).json).toEqual(LIMITED)
      expect((await server.call({ action: 'status' }, cookieOf(first))).json.code).toBe(0)
    } finally {
      await server.close()
    }
  })

  it('new identities are given again once the minute has passed', async () => {
    let now = 1_000_000
    const server = await serve({ newSessions: createWindowLimiter(2, 60_000, () => now) })
    try {
      expect((await server.call({ action: 'stats' })).status).toBe(200)
      expect((await server.call({ action: 'stats' })).status).toBe(200)
      expect((await server.call({ action: 'stats' })).status).toBe(429)
      now += 59_000
      expect((await server.call({ action: 'stats' })).status).toBe(429)
      now += 1000
      expect((await server.call({ action: 'stats' })).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})

describe('pledge route: client IP and TRUST_PROXY', () => {
  it('without TRUST_PROXY a forged X-Forwarded-For does not escape the limit', async () => {
    const server = await serve()
    try {
      for (let i = 0; i < DEFAULT_NEW_SESSIONS_PER_MINUTE; i += 1) {
        expect((await server.call({ action: 'stats' }, undefined, `203.0.113.${i}`)).status).toBe(200)
      }
      expect((await server.call({ action: 'stats' }, undefined, '198.51.100.77')).status).toBe(429)
    } finally {
      await server.close()
    }
  })

  it('with TRUST_PROXY each forwarded address (the right-most) has its own buckets, for identities and writes', async () => {
    const server = await serve({ trustProxy: true, limiter: createRateLimiter({ perSecond: 0.001, burst: 1 }) })
    try {
      for (let i = 0; i < DEFAULT_NEW_SESSIONS_PER_MINUTE; i += 1) {
        expect((await server.call({ action: 'stats' }, undefined, '203.0.113.1')).status).toBe(200)
      }
      // The client may write anything left of what the proxy appended; only the right-most counts.
      expect((await server.call({ action: 'stats' }, undefined, '203.0.113.1')).status).toBe(429)
      expect((await server.call({ action: 'stats' }, undefined, '198.51.100.2, 203.0.113.1')).status).toBe(429)
      expect((await server.call({ action: 'stats' }, undefined, '203.0.113.1, 203.0.113.2')).status).toBe(200)

      const a = await server.call({ action: 'sign' }, undefined, '203.0.113.2')
      expect(a.json.code).toBe(0)
      expect((await server.call({ action: 'sign' }, undefined, '203.0.113.2')).json.code).toBe(ErrorCode.RATE_LIMITED)
      expect((await server.call({ action: 'sign' }, undefined, '203.0.113.3')).json.code).toBe(0)
    } finally {
      await server.close()
    }
  })
})

describe('pledge route: function failure', () => {
  it('a throwing function → HTTP 500 with code 50000, reported to onError', async () => {
    const errors: unknown[] = []
    const server = await serve({ onError: (e) => errors.push(e) }, async () => { throw new Error('boom') })
    try {
      const reply = await server.call({ action: 'status' })
      expect([reply.status, reply.json.code, reply.json.data]).toEqual([500, ErrorCode.INTERNAL, null])
      expect(errors).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})
