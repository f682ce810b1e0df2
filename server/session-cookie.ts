/**
 * The local runner's stand-in for OPENID: a random 128-bit session id per browser, signed with
 * HMAC-SHA256 so a client cannot pick someone else's identity.
 * Cookie values:
 * - visitor `<32 hex id>.<mac(id)>`, for a year;
 * - organiser (organiser-login.ts) `organiser.<expiry, Unix seconds>.<mac>`, whose MAC also
 *   covers a fingerprint of ORGANISER_KEY: it ends at its expiry or when the key changes.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const SESSION_COOKIE = 'qm_sid'
export const SESSION_MAX_AGE_S = 365 * 24 * 60 * 60
/** An organiser can create events and read every count: a lost laptop's cookie must not last. */
export const ORGANISER_SESSION_MAX_AGE_S = 12 * 60 * 60
/** A shorter secret would make signatures guessable. */
export const SESSION_SECRET_MIN_BYTES = 16

/** The local runner's fixed admin identity; only the organiser login hands out its cookie. */
export const LOCAL_ORGANISER = 'organiser'

const VISITOR_ID = /^[0-9a-f]{32}$/
const EXPIRY = /^\d{1,12}$/

export interface SessionOptions {
  secret: Buffer | string
  /** The current ORGANISER_KEY: organiser cookies signed under another key are not accepted. */
  organiserKey: string
  /** Milliseconds clock, injectable for tests. */
  now?: () => number
}

export interface SessionKeys {
  /** A visitor id's cookie value. */
  sign (id: string): string
  /** The session id (a visitor's, or LOCAL_ORGANISER) if the cookie header carries a valid one. */
  read (cookieHeader: string | undefined): string | null
  /** A fresh visitor id and its Set-Cookie header value. */
  issue (): { id: string; setCookie: string }
  /** The Set-Cookie header value that makes this browser LOCAL_ORGANISER for ORGANISER_SESSION_MAX_AGE_S. */
  organiserCookie (): string
}

export function createSessionKeys ({ secret, organiserKey, now = Date.now }: SessionOptions): SessionKeys {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret
  if (key.length < SESSION_SECRET_MIN_BYTES) {
    throw new Error(`session secret must be at least ${SESSION_SECRET_MIN_BYTES} bytes`)
  }
  const mac = (text: string) => createHmac('sha256', key).update(text).digest()
  const keyPrint = createHash('sha256').update(organiserKey, 'utf8').digest('base64url')
  const organiserText = (expiry: string) => `${LOCAL_ORGANISER}.${expiry}.${keyPrint}`
  const sign = (id: string) => `${id}.${mac(id).toString('base64url')}`
  const cookie = (value: string, maxAge: number) => `${SESSION_COOKIE}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax`
  const matches = (sig: string, text: string) => {
    const given = Buffer.from(sig, 'base64url')
    const expected = mac(text)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
  const nowS = () => Math.floor(now() / 1000)

  function valid (value: string): string | null {
    const parts = value.split('.')
    if (parts.length === 2 && VISITOR_ID.test(parts[0])) return matches(parts[1], parts[0]) ? parts[0] : null
    if (parts.length !== 3 || parts[0] !== LOCAL_ORGANISER || !EXPIRY.test(parts[1])) return null
    const left = Number(parts[1]) - nowS()
    return left > 0 && left <= ORGANISER_SESSION_MAX_AGE_S && matches(parts[2], organiserText(parts[1])) ? LOCAL_ORGANISER : null
  }

  return {
    sign,
    read (cookieHeader) {
      if (cookieHeader === undefined) return null
      for (const part of cookieHeader.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue
        const id = valid(part.slice(eq + 1).trim())
        if (id !== null) return id
      }
      return null
    },
    issue () {
      const id = randomBytes(16).toString('hex')
      return { id, setCookie: cookie(sign(id), SESSION_MAX_AGE_S) }
    },
    organiserCookie () {
      const expiry = String(nowS() + ORGANISER_SESSION_MAX_AGE_S)
      const value = `${LOCAL_ORGANISER}.${expiry}.${mac(organiserText(expiry)).toString('base64url')}`
      return cookie(value, ORGANISER_SESSION_MAX_AGE_S)
    },
  }
}
