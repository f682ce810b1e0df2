import { ErrorCode } from '@shared/protocol'
import type { SignRequest } from '@shared/protocol'
import { CloudError, callFunction, oncePerLaunch, sleep } from './cloud'
import type { Delay } from './cloud'

export type { MyPledge, ShareCodeResult } from '@shared/protocol'

/**
 * After a BUSY sign (nothing was stored) the same sign goes once more after a wait in this range;
 * the jitter keeps a crowd that met the same contention from coming back at the same moment.
 */
export const BUSY_RETRY_MS = { min: 800, max: 1600 } as const

/**
 * Signs the proposal; repeating it changes nothing and reports `alreadyPledged`. A BUSY answer is
 * sent once more by itself; a second failure is thrown like any other.
 */
export async function signPledge ({ company, source }: { company?: string; source?: string } = {}, delay: Delay = sleep) {
  const data: SignRequest = { action: 'sign' }
  if (company) data.company = company
  if (source) data.source = source
  try {
    return await callFunction('pledge', data, delay)
  } catch (error) {
    if (!(error instanceof CloudError && error.code === ErrorCode.BUSY)) throw error
    await delay(BUSY_RETRY_MS.min + Math.random() * (BUSY_RETRY_MS.max - BUSY_RETRY_MS.min))
    return callFunction('pledge', data, delay)
  }
}

/** My pledge (or null) and the total. */
export function getPledgeStatus () {
  return callFunction('pledge', { action: 'status' })
}

/** Deletes my pledge; my number is never given to anyone again. */
export function withdrawPledge () {
  return callFunction('pledge', { action: 'withdraw' })
}

/** My attribution scene and its mini-program code; asked once per launch (a failure is retried next time). */
export const getShareCode = oncePerLaunch(() => callFunction('pledge', { action: 'shareCode' }))
