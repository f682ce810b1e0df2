import type { DrawOp, PosterTemplate } from '@/poster'
import { renderPoster, renderScale } from '@/poster/render'
import type { CodeArt, RenderTarget } from '@/poster/render'
import { posterCanvas } from '@/services/canvas'
import { loadShareCode } from '@/services/share-code'

/** Posters are drawn at this CSS width (× the device pixel ratio): sharp full screen and when saved. */
export const RENDER_CSS_WIDTH = 375

export interface DrawnPoster {
  /** File path (weapp) or data URL (H5). */
  image: string
  /** Every line of text as drawn, in order: the image's description for screen readers. */
  description: string
}

function describePoster (ops: DrawOp[]): string {
  return ops.flatMap((op) => (op.op === 'text' ? [op.text] : [])).join(' ')
}

/** Draws `template` `cssWidth` wide on the page's hidden canvas and exports it. */
export async function drawPoster (canvas: RenderTarget, template: PosterTemplate, code: CodeArt | null, cssWidth = RENDER_CSS_WIDTH): Promise<DrawnPoster> {
  const scale = renderScale(template, cssWidth, posterCanvas.pixelRatio())
  const ops = renderPoster(canvas, template, scale, { code })
  return { image: await posterCanvas.exportImage(canvas), description: describePoster(ops) }
}

/** Posters wait this long for the share code, then draw without it rather than keep people waiting. */
export const SHARE_CODE_WAIT_MS = 3000

/** My share code for the posters' code slots; without one (offline, slow, no code) the slots stay empty. */
export function shareCodeOrNone (canvas: RenderTarget): Promise<CodeArt | null> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), SHARE_CODE_WAIT_MS) })
  return Promise.race([loadShareCode(canvas).catch(() => null), late]).finally(() => clearTimeout(timer))
}
