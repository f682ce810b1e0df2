import type { SignRequest } from '../../cloud/core/protocol'
import { callFunction, oncePerLaunch } from './cloud'

export type { MyPledge, ShareCodeResult } from '../../cloud/core/protocol'

/** Signs the proposal; repeating it changes nothing and reports `alreadyPledged`. */
export function signPledge ({ company, source }: { company?: string; source?: string } = {}) {
  const data: SignRequest = { action: 'sign' }
  if (company) data.company = company
  if (source) data.source = source
  return callFunction('pledge', data)
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
