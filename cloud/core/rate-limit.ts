/**
 * Per-identity limits for the deployed function (the local runner limits per IP and session in
 * server/). `take` records the call and says whether it may go ahead; limits come from LIMITS.
 */
export type LimitedAction = 'call' | 'withdraw'

export interface RateLimiter {
  /** Counts one `action` by `identity` at `now`; false when over its limit (the count is kept). */
  take (identity: string, action: LimitedAction, now: Date): Promise<boolean>
}
