/**
 * Per-OPENID limits for the deployed function, kept in the `limits` collection (no client
 * access): one document per identity and window, `{ count, expireAt }`. Counting is an atomic
 * `_.inc` outside any transaction, so concurrent calls of one person never conflict; a window's
 * first call creates its document with `add`, which fails if another call just did (then it
 * increments that one). The function's timer removes expired windows (`sweep`).
 */
import { LIMITS } from '../protocol'
import type { LimitedAction, RateLimiter } from '../rate-limit'
import type { CloudDatabase } from './cloudbase'

export const LIMITS_COLLECTION = 'limits'
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
/** Days start at midnight China time (UTC+8), when people expect "tomorrow". */
const CHINA_OFFSET_MS = 8 * 3_600_000

interface Window { id: string; limit: number; expireAt: string }

function windowOf (identity: string, action: LimitedAction, now: Date): Window {
  const ms = now.getTime()
  if (action === 'call') {
    const minute = Math.floor(ms / MINUTE_MS)
    return { id: `call-${identity}-${minute}`, limit: LIMITS.callsPerMinute, expireAt: new Date((minute + 1) * MINUTE_MS).toISOString() }
  }
  const day = Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS)
  return { id: `withdraw-${identity}-${day}`, limit: LIMITS.withdrawalsPerDay, expireAt: new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS).toISOString() }
}

export interface CloudbaseLimiter extends RateLimiter {
  /** Removes windows that have ended; run from the timer trigger. */
  sweep (now: Date): Promise<void>
}

export function createCloudbaseLimiter (db: CloudDatabase): CloudbaseLimiter {
  const _ = db.command
  const limits = () => db.collection(LIMITS_COLLECTION)
  return {
    async take (identity, action, now) {
      const { id, limit, expireAt } = windowOf(identity, action, now)
      const ref = limits().doc<{ _id: string; count: number; expireAt: string }>(id)
      const increment = () => ref.update({ data: { count: _.inc(1) } })
      if ((await increment()).stats.updated === 0) {
        try {
          await limits().add({ data: { _id: id, count: 1, expireAt } })
          return limit >= 1
        } catch (error) {
          // Another call created the window first: count this one there.
          if ((await increment()).stats.updated === 0) throw error
        }
      }
      const count = (await ref.get()).data?.count ?? Infinity
      return count <= limit
    },
    async sweep (now) {
      await limits().where({ expireAt: _.lt(now.toISOString()) }).remove()
    },
  }
}
