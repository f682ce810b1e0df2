/**
 * `POST /api/<function>` for the local runner: the body is the `data` object that
 * `wx.cloud.callFunction` would send and the reply is the function's `{ code, message, data }`.
 *
 * HTTP status: 200 for every result the function returns, business and validation errors
 * included (the cloud always resolves callFunction with the result, so clients read `code`).
 * Errors the route catches before the function runs carry a matching status as well:
 * 405 method, 415 content type (40000), 413 body (41300), 400 JSON (40006), 429 rate (42900),
 * 500 (50000) if the function throws.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCode, LIMITS } from '../cloud/core/protocol'
import type { ErrorCodeValue, FunctionResult } from '../cloud/core/protocol'
import { createSessionKeys } from './session-cookie'

export type FunctionRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>
export type CloudFunction = (identity: string, data: unknown) => Promise<FunctionResult<unknown>>

export interface RateLimit {
  /** Tokens added per second, per client IP. */
  perSecond: number
  /** Bucket size: writes allowed in a burst. */
  burst: number
}

/** A venue's guests may share one IP; a person signs once, so this is generous. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 5, burst: 20 }
/** Actions that change data and pass the token bucket; reads are not limited. */
export const WRITE_ACTIONS: readonly string[] = ['sign', 'withdraw', 'createEvent']
/** Buckets kept before idle (full) ones are dropped. */
const MAX_BUCKETS = 10_000

/** Takes a token from the bucket of `key` (a client IP); false when it is empty. */
export type RateLimiter = (key: string) => boolean

export interface FunctionRouteOptions {
  secret: Buffer | string
  /** For writes; shared with the organiser login. Default: createRateLimiter(). */
  limiter?: RateLimiter
  /** Receives what the function throws (the client gets 50000). */
  onError?: (error: unknown) => void
}

/** `RATE_LIMIT=off` or `RATE_LIMIT=<perSecond>,<burst>`; unset → DEFAULT_RATE_LIMIT. */
export function parseRateLimit (value: string | undefined): RateLimit | false {
  if (value === undefined || value === '') return DEFAULT_RATE_LIMIT
  if (value === 'off') return false
  const match = /^(\d+(?:\.\d+)?),(\d+)$/.exec(value)
  const perSecond = Number(match?.[1])
  const burst = Number(match?.[2])
  if (match === null || !(perSecond > 0) || !(burst >= 1)) {
    throw new Error(`RATE_LIMIT must be "off" or "<perSecond>,<burst>" with both > 0, got "${value}"`)
  }
  return { perSecond, burst }
}

/**
 * A token bucket per key. `limit` false turns limiting off (the bench); `now` is a
 * milliseconds clock, injectable for tests.
 */
export function createRateLimiter (limit: RateLimit | false = DEFAULT_RATE_LIMIT, now: () => number = Date.now): RateLimiter {
  if (limit === false) return () => true
  const buckets = new Map<string, { tokens: number; at: number }>()
  const refill = (bucket: { tokens: number; at: number }, t: number) =>
    Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond)
  return (key) => {
    const t = now()
    if (buckets.size >= MAX_BUCKETS) {
      for (const [k, b] of buckets) if (refill(b, t) >= limit.burst) buckets.delete(k)
    }
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t }
    bucket.tokens = refill(bucket, t)
    bucket.at = t
    buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}

type Body = { ok: true; body: Buffer } | { ok: false }

/** Reads at most `limit` bytes; past that it stops reading and reports the body as too large. */
function readBody (req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length'])
  if (declared > limit) return Promise.resolve({ ok: false })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.off('end', onEnd)
        req.pause()
        resolve({ ok: false })
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => resolve({ ok: true, body: Buffer.concat(chunks, size) })
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', reject)
  })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function parseJson (body: Buffer): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(utf8.decode(body)) }
  } catch {
    return { ok: false }
  }
}

function isWrite (data: unknown): boolean {
  return typeof data === 'object' && data !== null && WRITE_ACTIONS.includes((data as { action?: unknown }).action as string)
}

export function createFunctionRoute (fn: CloudFunction, options: FunctionRouteOptions): FunctionRoute {
  const sessions = createSessionKeys(options.secret)
  const take = options.limiter ?? createRateLimiter()

  return async (req, res) => {
    let setCookie: string | null = null
    const reply = (status: number, result: FunctionResult<unknown>, close = false) => {
      const body = JSON.stringify(result)
      const headers: Record<string, string | number> = {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
      }
      if (setCookie !== null) headers['set-cookie'] = setCookie
      // An unread body cannot be reused on a keep-alive connection.
      if (close) headers.connection = 'close'
      if (status === 405) headers.allow = 'POST'
      res.writeHead(status, headers).end(body)
    }
    const fail = (status: number, code: ErrorCodeValue, message: string, close = false) =>
      reply(status, { code, message, data: null }, close)

    if (req.method !== 'POST') return fail(405, ErrorCode.BAD_REQUEST, '请使用 POST 调用云函数', true)
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type !== 'application/json') {
      return fail(415, ErrorCode.BAD_REQUEST, '请求须为 JSON（Content-Type: application/json）', true)
    }

    let identity = sessions.read(req.headers.cookie)
    if (identity === null) {
      const session = sessions.issue()
      identity = session.id
      setCookie = session.setCookie
    }

    const body = await readBody(req, LIMITS.bodyBytes)
    if (!body.ok) return fail(413, ErrorCode.TOO_LARGE, `请求内容超过 ${LIMITS.bodyBytes} 字节`, true)
    const parsed = parseJson(body.body)
    if (!parsed.ok) return fail(400, ErrorCode.INVALID_JSON, '请求内容不是有效的 JSON')

    if (isWrite(parsed.data) && !take(req.socket.remoteAddress ?? 'unknown')) {
      return fail(429, ErrorCode.RATE_LIMITED, '操作太频繁，请稍后再试')
    }
    try {
      reply(200, await fn(identity, parsed.data))
    } catch (error) {
      options.onError?.(error)
      fail(500, ErrorCode.INTERNAL, '服务暂时不可用，请稍后再试')
    }
  }
}
