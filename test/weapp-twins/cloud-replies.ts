import { ErrorCode } from '../../cloud/core/protocol'
import type { CloudHandler } from '../support/wx-fake'

/** A pledge function answering each action with `{ code: 0, data }`, as cloud/core/handle.ts replies. */
export function answers (data: Record<string, unknown>): CloudHandler {
  return async (name, request) => {
    const { action } = request as { action: string }
    if (name !== 'pledge' || !(action in data)) return { code: ErrorCode.UNKNOWN_ACTION, message: `未知操作 ${action}`, data: null }
    return { code: ErrorCode.OK, message: 'ok', data: data[action] }
  }
}
