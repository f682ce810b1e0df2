/**
 * `POST /api/<function>` for the local runner: the body is the `data` object that
 * `wx.cloud.callFunction` would send and the reply is the function's `{ code, message, data }`.
 *
 * HTTP status: 200 for every result the function returns, business and validation errors
 * included (the cloud always resolves callFunction with the result, so clients read `code`).
 * Errors the route catches before the function runs carry a matching status as well:
 * 405 method, 415 content type (40000), 413 body (41300), 400 JSON (40006), 429 rate (42900),
 * 500 (50000) if the function throws.
 *
 * Identity: the session cookie's, else a new one (Set-Cookie), at most `newSessions` allows
 * per client; a request over it gets 429 and no identity.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCode, LIMITS } from '../cloud/core/protocol'
import type { ErrorCodeValue, FunctionResult } from '../cloud/core/protocol'
import { FUNCTION_WORDS } from '../src/words/function'
import { clientKey } from './client-ip'
import { createRateLimiter, createWindowLimiter, DEFAULT_NEW_SESSIONS_PER_MINUTE, NEW_SESSIONS_WINDOW_MS } from './limiters'
import type { RateLimiter } from './limiters'
import type { SessionKeys } from './session-cookie'

export type FunctionRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>
export type CloudFunction = (identity: string, data: unknown) => Promise<FunctionResult<unknown>>

/** Actions that change data and pass the write limiter; reads are not limited. */
export const WRITE_ACTIONS: readonly string[] = ['sign', 'withdraw', 'createEvent']

export interface FunctionRouteOptions {
  sessions: SessionKeys
  /** For writes, per client; shared with the organiser login. Default: createRateLimiter(). */
  limiter?: RateLimiter
  /** New session identities per client. Default: DEFAULT_NEW_SESSIONS_PER_MINUTE a minute. */
  newSessions?: RateLimiter
  /** Client IP from X-Forwarded-For (client-ip.ts). */
  trustProxy?: boolean
  /** Receives what the function throws (the client gets 50000). */
  onError?: (error: unknown) => void
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
  const { sessions, trustProxy = false } = options
  const take = options.limiter ?? createRateLimiter()
  const mint = options.newSessions ?? createWindowLimiter(DEFAULT_NEW_SESSIONS_PER_MINUTE, NEW_SESSIONS_WINDOW_MS)

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

    if (req.method !== 'POST') return fail(405, ErrorCode.BAD_REQUEST, FUNCTION_WORDS.runner.usePost, true)
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type !== 'application/json') {
      return fail(415, ErrorCode.BAD_REQUEST, FUNCTION_WORDS.runner.needJson, true)
    }

    const body = await readBody(req, LIMITS.bodyBytes)
    if (!body.ok) return fail(413, ErrorCode.TOO_LARGE, FUNCTION_WORDS.request.tooLarge(LIMITS.bodyBytes), true)
    const parsed = parseJson(body.body)
    if (!parsed.ok) return fail(400, ErrorCode.INVALID_JSON, FUNCTION_WORDS.runner.invalidJson)

    const client = clientKey(req, trustProxy)
    let identity = sessions.read(req.headers.cookie)
    if (identity === null) {
      if (!mint(client)) return fail(429, ErrorCode.RATE_LIMITED, FUNCTION_WORDS.limits.tooFrequent)
      const session = sessions.issue()
      identity = session.id
      setCookie = session.setCookie
    }
    if (isWrite(parsed.data) && !take(client)) return fail(429, ErrorCode.RATE_LIMITED, FUNCTION_WORDS.limits.tooFrequent)
    try {
      reply(200, await fn(identity, parsed.data))
    } catch (error) {
      options.onError?.(error)
      fail(500, ErrorCode.INTERNAL, FUNCTION_WORDS.internal)
    }
  }
}
