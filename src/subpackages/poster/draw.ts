import type { DrawOp, PosterTemplate } from '@/poster'
import { renderPoster, renderScale } from '@/poster/render'
import type { CodeArt, PosterAssets, RenderTarget } from '@/poster/render'
import { posterCanvas } from '@/services/canvas'
import type { CanvasLimits } from '@/services/canvas-types'
import { loadShareCode } from '@/services/share-code'

/** Posters are drawn at this CSS width (× the device pixel ratio) to be seen on screen. */
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

/** Draws `template` with its `assets` (code, signature) `cssWidth` wide on the page's hidden canvas and exports it. */
export async function drawPoster (canvas: RenderTarget, template: PosterTemplate, assets: PosterAssets, cssWidth = RENDER_CSS_WIDTH): Promise<DrawnPoster> {
  const scale = renderScale(template, cssWidth, posterCanvas.pixelRatio())
  const ops = renderPoster(canvas, template, scale, assets)
  return { image: await posterCanvas.exportImage(canvas), description: describePoster(ops) }
}

/** The sizes a poster is saved at: `standard` for phones and social media, `hd` (高清) for print and the media. */
export type ExportSize = 'standard' | 'hd'

/**
 * Saved posters' widths in pixels. A 750 × 1334 poster saves at 1080 × 1921 (≥ 1080 × 1920) or
 * 2160 × 3842 (高清: A4 at about 250 dpi, a newspaper half page at 150 dpi).
 */
export const EXPORT_WIDTHS: Record<ExportSize, number> = { standard: 1080, hd: 2160 }

/** Each smaller try is this share of the last one's width, when the device could not hold it. */
export const EXPORT_STEP = 0.8

export interface ExportedPoster extends DrawnPoster {
  width: number
  height: number
  /** The device's canvas could not hold the size asked for: this is the largest it could. */
  reduced: boolean
}

/** The largest scale within the platform's known canvas limits (pixels per side and in all). */
export function largestScale (template: Pick<PosterTemplate, 'width' | 'height'>, limits: CanvasLimits) {
  return Math.min(
    limits.side / Math.max(template.width, template.height),
    Math.sqrt(limits.area / (template.width * template.height)),
  )
}

/**
 * Whether the canvas really holds a `width` × `height` drawing: over a device's limit a canvas
 * stays at another size, has no context, or draws nothing (its last pixel stays transparent; every
 * poster paints its background). Contexts that cannot read pixels back are taken at their word.
 */
function holdsDrawing (canvas: RenderTarget, width: number, height: number) {
  if (canvas.width !== width || canvas.height !== height) return false
  const ctx = canvas.getContext('2d') as { getImageData?: (x: number, y: number, w: number, h: number) => { data: ArrayLike<number> } } | null
  if (!ctx) return false
  if (typeof ctx.getImageData !== 'function') return true
  try {
    return ctx.getImageData(width - 1, height - 1, 1, 1).data[3] > 0
  } catch {
    return false
  }
}

/**
 * Draws `template` at the saved size `size` and exports it. Where the device's canvas cannot hold
 * that size (known limits, a blank drawing or a failed export), it tries ever smaller sizes down to
 * the on-screen one, and says which it gave (`reduced`); rejects only when none could be drawn.
 */
export async function exportPoster (canvas: RenderTarget, template: PosterTemplate, assets: PosterAssets, size: ExportSize): Promise<ExportedPoster> {
  const wanted = EXPORT_WIDTHS[size] / template.width
  const floor = Math.min(wanted, (RENDER_CSS_WIDTH * posterCanvas.pixelRatio()) / template.width)
  let scale = Math.min(wanted, largestScale(template, posterCanvas.canvasLimits()))
  let lastError: unknown = new Error(`No canvas could hold ${template.id}`)
  for (;;) {
    const width = Math.round(template.width * scale)
    const height = Math.round(template.height * scale)
    try {
      const ops = renderPoster(canvas, template, scale, assets)
      if (!holdsDrawing(canvas, width, height)) throw new Error(`Canvas cannot hold ${width}×${height}`)
      const image = await posterCanvas.exportImage(canvas)
      return { image, description: describePoster(ops), width, height, reduced: scale < wanted }
    } catch (error) {
      lastError = error
    }
    if (scale <= floor) throw lastError
    scale = Math.max(floor, scale * EXPORT_STEP)
  }
}

/** Posters wait this long for the share code, then draw without it rather than keep people waiting. */
export const SHARE_CODE_WAIT_MS = 3000

/** My share code for the posters' code slots; without one (offline, slow, no code) the slots stay empty. */
export function shareCodeOrNone (canvas: RenderTarget): Promise<CodeArt | null> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), SHARE_CODE_WAIT_MS) })
  return Promise.race([loadShareCode(canvas).catch(() => null), late]).finally(() => clearTimeout(timer))
}
