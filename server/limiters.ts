/**
 * The local runner's per-client limits, keyed by client-ip.ts's key: a token bucket for writes
 * (and organiser login attempts) and a sliding window for new session identities.
 */

/** Takes one unit for `key` (a client); false when its limit is reached. */
export type RateLimiter = (key: string) => boolean

export interface RateLimit {
  /** Tokens added per second, per client IP. */
  perSecond: number
  /** Bucket size: writes allowed in a burst. */
  burst: number
}

/** A venue's guests may share one IP; a person signs once, so this is generous. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 5, burst: 20 }

/**
 * Session identities one client IP may be given per minute. Every request without a valid
 * cookie gets a new one, so without this a script could pledge as many people as it likes.
 */
export const DEFAULT_NEW_SESSIONS_PER_MINUTE = 30
export const NEW_SESSIONS_WINDOW_MS = 60_000

/** Keys kept before stale ones are swept, at most once a second so a flood cannot make every call sweep. */
const MAX_KEYS = 10_000
const SWEEP_EVERY_MS = 1000

function sweeper<T> (entries: Map<string, T>, stale: (entry: T, t: number) => boolean) {
  let sweptAt = -Infinity
  return (t: number) => {
    if (entries.size < MAX_KEYS || t - sweptAt < SWEEP_EVERY_MS) return
    sweptAt = t
    for (const [key, entry] of entries) if (stale(entry, t)) entries.delete(key)
  }
}

/**
 * A token bucket per key. `limit` false turns limiting off (RATE_LIMIT=off); `now` is a
 * milliseconds clock, injectable for tests.
 */
export function createRateLimiter (limit: RateLimit | false = DEFAULT_RATE_LIMIT, now: () => number = Date.now): RateLimiter {
  if (limit === false) return () => true
  const buckets = new Map<string, { tokens: number; at: number }>()
  const refill = (bucket: { tokens: number; at: number }, t: number) =>
    Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond)
  const sweep = sweeper(buckets, (bucket, t) => refill(bucket, t) >= limit.burst)
  return (key) => {
    const t = now()
    sweep(t)
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t }
    bucket.tokens = refill(bucket, t)
    bucket.at = t
    buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}

/**
 * At most `count` takes per key in any `windowMs` (a bucket would allow a second burst right
 * after the first): each key keeps the times of its last `count` takes. false: no limit.
 */
export function createWindowLimiter (count: number | false, windowMs: number, now: () => number = Date.now): RateLimiter {
  if (count === false) return () => true
  const taken = new Map<string, number[]>()
  const sweep = sweeper(taken, (times, t) => times.length === 0 || t - times[times.length - 1] >= windowMs)
  return (key) => {
    const t = now()
    sweep(t)
    const times = taken.get(key) ?? []
    while (times.length > 0 && t - times[0] >= windowMs) times.shift()
    taken.set(key, times)
    if (times.length >= count) return false
    times.push(t)
    return true
  }
}
