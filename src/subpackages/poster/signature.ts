import type { PosterImage, RenderTarget } from '@/poster/render'
import { forget, readStored, store } from '@/services/storage'

/**
 * A handwritten signature as strokes: each stroke a flat list x0, y0, x1, y1, … in thousandths
 * of the pad's width and height. Kept on this device only (storage key `signature`), never sent.
 */
export type Strokes = number[][]

/** The pad's shape: its CSS size in px (signature-pad/index.scss uses the same). */
export const PAD_WIDTH = 300
export const PAD_HEIGHT = 120
/** The signature's ink, as wide as a pen in pad px. */
export const INK = '#1a1a1a'
export const INK_WIDTH = 3

/** The signature kept on this device, or null. */
export function readSignature (): Strokes | null {
  const value = readStored('signature')
  if (!Array.isArray(value)) return null
  const strokes = value.filter((stroke): stroke is number[] => Array.isArray(stroke) && stroke.length >= 2 && stroke.every((n) => typeof n === 'number'))
  return strokes.length > 0 ? strokes : null
}

export function saveSignature (strokes: Strokes) {
  store('signature', strokes)
}

export function forgetSignature () {
  forget('signature')
}

interface InkContext {
  setTransform (a: number, b: number, c: number, d: number, e: number, f: number): void
  beginPath (): void
  moveTo (x: number, y: number): void
  lineTo (x: number, y: number): void
  stroke (): void
  strokeStyle: unknown
  lineWidth: number
  lineCap: string
  lineJoin: string
}

/** Draws `strokes` on `canvas`, sized `scale` device px per pad px (sizing a canvas clears it). */
export function drawStrokes (canvas: RenderTarget, strokes: Strokes, scale: number) {
  canvas.width = Math.round(PAD_WIDTH * scale)
  canvas.height = Math.round(PAD_HEIGHT * scale)
  const ctx = canvas.getContext('2d') as InkContext
  ctx.setTransform(scale, 0, 0, scale, 0, 0)
  ctx.strokeStyle = INK
  ctx.lineWidth = INK_WIDTH
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  for (const stroke of strokes) {
    ctx.beginPath()
    for (let i = 0; i + 1 < stroke.length; i += 2) {
      const x = (stroke[i] / 1000) * PAD_WIDTH
      const y = (stroke[i + 1] / 1000) * PAD_HEIGHT
      if (i === 0) ctx.moveTo(x, y)
      // A tap is a dot: a line to a point a hair away.
      ctx.lineTo(stroke.length === 2 ? x + 0.1 : x, y)
    }
    ctx.stroke()
  }
}

/**
 * The signature as a picture the poster can draw (PosterAssets.signature): the strokes drawn on
 * the page's hidden signature canvas, at 4 device px per pad px so it stays sharp on 高清 posters.
 */
export function signatureImage (canvas: RenderTarget, strokes: Strokes): PosterImage {
  drawStrokes(canvas, strokes, 4)
  return canvas
}
