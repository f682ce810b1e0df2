import type { EventInfo } from '@shared/protocol'
import type { CodeArt, RenderTarget } from '@/poster/render'

/** What each twin (share-code.weapp.ts / share-code.h5.ts) provides; both must match it. */
export interface ShareCodeService {
  /**
   * My code for a poster drawn on `canvas` (WeChat: a mini-program code image, which must come from
   * the canvas that draws it; H5: a QR code of the pledge page's URL); null when there is none.
   */
  loadShareCode (canvas: RenderTarget): Promise<CodeArt | null>
  /** An event's code for an organiser's printout; null when none could be made. */
  loadEventCode (canvas: RenderTarget, event: Pick<EventInfo, 'id' | 'scene'>): Promise<CodeArt | null>
}
