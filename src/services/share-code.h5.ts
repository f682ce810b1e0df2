import { encode } from 'uqr'
import { codePagePath } from '@shared/scene'
import type { CodeArt } from '@/poster/render'
import { getShareCode } from './pledge'
import type { ShareCodeService } from './share-code-types'

/** The address a scanned poster or copied invite opens: this site's pledge page carrying the sharer's scene. */
export function shareLink (scene: string | null) {
  return `${location.origin}${location.pathname}#/${codePagePath(scene)}`
}

/** An event code's address, `/?scene=e:<id>`, as printed; index.html opens the pledge page from it. */
function eventLink (scene: string) {
  return `${location.origin}${location.pathname}?scene=${encodeURIComponent(scene)}`
}

function qr (text: string): CodeArt {
  // ecc M survives a poster printed small or photographed at an angle; the border is the quiet zone.
  return { kind: 'modules', modules: encode(text, { ecc: 'M', border: 2 }).data }
}

/** H5 has no mini-program code: a QR code of the local URL takes its slot (no canvas needed). */
export const loadShareCode: ShareCodeService['loadShareCode'] = async (_canvas) => {
  const { scene } = await getShareCode()
  return qr(shareLink(scene))
}

/** An event's code: a QR code of its `/?scene=` address. */
export const loadEventCode: ShareCodeService['loadEventCode'] = async (_canvas, event) => qr(eventLink(event.scene))
