/**
 * The local runner's stand-in for OPENID: a random 128-bit session id per browser, signed with
 * HMAC-SHA256 so a client cannot pick someone else's identity.
 * Cookie value: `<32 hex id>.<base64url signature>`, or `organiser.<signature>` after the
 * organiser login (organiser-login.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const SESSION_COOKIE = 'qm_sid'
export const SESSION_MAX_AGE_S = 365 * 24 * 60 * 60
/** A shorter secret would make signatures guessable. */
export const SESSION_SECRET_MIN_BYTES = 16

/** The local runner's fixed admin identity; only the organiser login hands out its cookie. */
export const LOCAL_ORGANISER = 'organiser'

const ID = new RegExp(`^(?:[0-9a-f]{32}|${LOCAL_ORGANISER})$`)

export interface SessionKeys {
  sign (id: string): string
  /** The session id if the cookie header carries a validly signed one. */
  read (cookieHeader: string | undefined): string | null
  /** A fresh id and its Set-Cookie header value. */
  issue (): { id: string; setCookie: string }
  /** The Set-Cookie header value that makes `id` this browser's identity. */
  setCookie (id: string): string
}

export function createSessionKeys (secret: Buffer | string): SessionKeys {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret
  if (key.length < SESSION_SECRET_MIN_BYTES) {
    throw new Error(`session secret must be at least ${SESSION_SECRET_MIN_BYTES} bytes`)
  }
  const signature = (id: string) => createHmac('sha256', key).update(id).digest()
  const sign = (id: string) => `${id}.${signature(id).toString('base64url')}`
  const setCookie = (id: string) => `${SESSION_COOKIE}=${sign(id)}; Max-Age=${SESSION_MAX_AGE_S}; Path=/; HttpOnly; SameSite=Lax`

  return {
    sign,
    read (cookieHeader) {
      if (cookieHeader === undefined) return null
      for (const part of cookieHeader.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue
        const [id, sig] = part.slice(eq + 1).trim().split('.')
        if (id === undefined || sig === undefined || !ID.test(id)) continue
        const given = Buffer.from(sig, 'base64url')
        const expected = signature(id)
        if (given.length === expected.length && timingSafeEqual(given, expected)) return id
      }
      return null
    },
    issue () {
      const id = randomBytes(16).toString('hex')
      return { id, setCookie: setCookie(id) }
    },
    setCookie,
  }
}
