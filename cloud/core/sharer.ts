/**
 * The `s:<sharer id>` attribution source of a caller. Node only (the cloud function and the
 * local runner); the client receives the scene from the `shareCode` action.
 */
import { createHash } from 'node:crypto'

/**
 * `s:` + 10 base64url characters (60 bits) of a hash of the identity: a poster's scene counts
 * the pledges it brings without putting the OPENID on paper, and is the same on every call, so
 * nothing is stored to map one to the other. Fits SOURCE_PATTERN and a WeChat scene (≤ 32).
 */
export function sharerScene (identity: string): string {
  return `s:${createHash('sha256').update(`qm-sharer:${identity}`).digest('base64url').slice(0, 10)}`
}
