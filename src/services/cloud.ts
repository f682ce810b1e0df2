import { ErrorCode } from '@shared/protocol'
import type { Action, FunctionResult, PledgeRequest, ResultMap } from '@shared/protocol'
import { inMomentsSinglePage } from './moments'
import { invoke } from './cloud-transport'
import { NetworkError } from './cloud-transport-types'
import { textNow, wordsNow } from '@/words'

/** Waits between attempts after a network failure; validation errors are never retried. */
export const RETRY_DELAYS_MS = [300, 900] as const
/** Stand-in code for "the call never got an answer"; not one the function sends. */
export const NETWORK_ERROR_CODE = -1
/** Stand-in code for "not called": a Moments single-page has no login to call the function with. */
const SINGLE_PAGE_ERROR_CODE = -2

/** The one error type callers see: the function's coded reply, or a network failure. */
export class CloudError extends Error {
  readonly code: number
  /** true only for network failures: the same call may succeed later. */
  readonly retryable: boolean

  constructor (code: number, message: string, retryable: boolean) {
    super(message)
    this.name = 'CloudError'
    this.code = code
    this.retryable = retryable
  }
}

/** What to tell the reader about a failed call: the function's own words, else the app's fallback. */
export function messageOf (error: unknown): string {
  return error instanceof CloudError ? error.message : wordsNow().common.fallbackError
}

export type Delay = (ms: number) => Promise<void>
export const sleep: Delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function isResult (value: unknown): value is FunctionResult<unknown> {
  return typeof value === 'object' && value !== null &&
    typeof (value as { code?: unknown }).code === 'number' && typeof (value as { message?: unknown }).message === 'string'
}

/**
 * Calls the `pledge` cloud function (weapp: wx.cloud; H5: the local runner) and returns its
 * data. Retries network failures with backoff; a coded error is thrown at once.
 */
export async function callFunction<A extends Action> (
  name: 'pledge',
  data: Extract<PledgeRequest, { action: A }>,
  delay: Delay = sleep,
): Promise<ResultMap[A]> {
  // It would fail after its retries with a network error, which is not what is wrong.
  if (inMomentsSinglePage()) throw new CloudError(SINGLE_PAGE_ERROR_CODE, wordsNow().common.momentsOffline, false)
  for (let attempt = 0; ; attempt++) {
    let reply: unknown
    try {
      reply = await invoke(name, data)
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error
      if (attempt >= RETRY_DELAYS_MS.length) {
        throw new CloudError(NETWORK_ERROR_CODE, wordsNow().common.networkError, true)
      }
      await delay(RETRY_DELAYS_MS[attempt])
      continue
    }
    if (!isResult(reply)) throw new CloudError(ErrorCode.INTERNAL, wordsNow().common.unreadableReply, false)
    // The function writes 简体 (src/words/function.ts); a 繁體 reader gets its words converted.
    if (reply.code !== ErrorCode.OK) throw new CloudError(reply.code, textNow(reply.message), false)
    return reply.data as ResultMap[A]
  }
}

/**
 * A call made once per launch and shared by every caller; a failed one is forgotten, so the
 * next caller asks again.
 */
export function oncePerLaunch<T> (request: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null
  return () => {
    if (pending === null) {
      pending = request()
      pending.catch(() => { pending = null })
    }
    return pending
  }
}
