import { encode } from 'uqr'
import { CODE_PAGE } from '../../cloud/core/protocol'
import type { CodeArt } from '@/poster/render'
import { getShareCode } from './pledge'

/** The address a scanned poster opens: this site's pledge page carrying the sharer's scene. */
export function shareLink (scene: string) {
  return `${location.origin}${location.pathname}#/${CODE_PAGE}?scene=${encodeURIComponent(scene)}`
}

/** H5 has no mini-program code: a QR code of the local URL takes its slot (no canvas needed). */
export async function loadShareCode (): Promise<CodeArt> {
  const { scene } = await getShareCode()
  // ecc M survives a poster printed small or photographed at an angle; the border is the quiet zone.
  return { kind: 'modules', modules: encode(shareLink(scene), { ecc: 'M', border: 2 }).data }
}
