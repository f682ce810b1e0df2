/**
 * `GET /organiser?key=<key>`: the local runner's organiser login, for people without WeChat.
 * The right key makes this browser's session the fixed admin identity LOCAL_ORGANISER for
 * ORGANISER_SESSION_MAX_AGE_S (or until the key changes) and redirects to the organiser page;
 * anything else is a 403 that leaves the cookie alone.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientKey } from './client-ip'
import type { RateLimiter } from './limiters'
import type { SessionKeys } from './session-cookie'
import { FUNCTION_WORDS } from '../src/words/function'

export const ORGANISER_LOGIN_PATH = '/organiser'
/** H5 hash route of the organiser page (src/app.config.ts: it shares the poster subpackage). */
export const ORGANISER_PAGE = '/#/subpackages/poster/pages/organiser/index'

export interface OrganiserLoginOptions {
  /** The function route's sessions, made with the same `key`. */
  sessions: SessionKeys
  key: string
  /** Every attempt takes a token, so the key cannot be guessed at speed. */
  limiter: RateLimiter
  /** Client IP from X-Forwarded-For (client-ip.ts). */
  trustProxy?: boolean
}

/** The key when ORGANISER_KEY is unset: printed at start, gone at the next. */
export function randomOrganiserKey (): string {
  return randomBytes(18).toString('base64url')
}

/** Equal-length digests, so the comparison takes the same time whatever the guess. */
function sameKey (given: string, key: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(key))
}

export function createOrganiserLogin ({ sessions, key, limiter, trustProxy = false }: OrganiserLoginOptions) {
  const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headers,
    }).end(body)
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET') return text(res, 405, FUNCTION_WORDS.runner.organiserUseBrowser, { allow: 'GET' })
    if (!limiter(clientKey(req, trustProxy))) return text(res, 429, FUNCTION_WORDS.runner.organiserTooManyTries)
    const given = new URL(req.url ?? '/', 'http://localhost').searchParams.get('key')
    if (given === null || !sameKey(given, key)) {
      return text(res, 403, FUNCTION_WORDS.runner.organiserWrongKey)
    }
    res.writeHead(302, {
      location: ORGANISER_PAGE, 'set-cookie': sessions.organiserCookie(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer',
    }).end()
  }
}
