/**
 * The posters' decorative elements drawn as vector paths (no images): seal, ribbon band,
 * watermark character and line / dot / cloud patterns. Positions come from layout.ts.
 */
import type { DrawOp } from './layout'
import { POSTER_FONT_FAMILY } from './types'
import type { PosterContext } from './types'

type Op<K extends DrawOp['op']> = Extract<DrawOp, { op: K }>

const font = (size: number) => `bold ${size}px ${POSTER_FONT_FAMILY}`

/** Turns the context `degrees` about (cx, cy); call inside save/restore. */
function tilt (ctx: PosterContext, cx: number, cy: number, degrees: number) {
  if (!degrees) return
  ctx.translate(cx, cy)
  ctx.rotate((degrees * Math.PI) / 180)
  ctx.translate(-cx, -cy)
}

/** A seal: a red square (slightly rounded) or disc, an inner border and the characters in the paper's colour. */
export function drawSeal (ctx: PosterContext, op: Op<'seal'>) {
  const cx = op.x + op.size / 2
  const cy = op.y + op.size / 2
  ctx.save()
  tilt(ctx, cx, cy, op.rotate)
  ctx.fillStyle = op.color
  ctx.strokeStyle = op.ink
  ctx.lineWidth = Math.max(2, op.size * 0.025)
  const inset = op.size * 0.07
  if (op.shape === 'round') {
    ctx.beginPath()
    ctx.arc(cx, cy, op.size / 2, 0, Math.PI * 2)
    ctx.fill()
    ctx.beginPath()
    ctx.arc(cx, cy, op.size / 2 - inset, 0, Math.PI * 2)
    ctx.stroke()
  } else {
    roundedPath(ctx, op.x, op.y, op.size, op.size, op.size * 0.06)
    ctx.fill()
    ctx.strokeRect(op.x + inset, op.y + inset, op.size - inset * 2, op.size - inset * 2)
  }
  ctx.fillStyle = op.ink
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  for (const glyph of op.glyphs) {
    ctx.font = font(glyph.size)
    ctx.fillText(glyph.char, glyph.x, glyph.y)
  }
  ctx.restore()
}

/** A rectangle with corners rounded by `radius` (at most half the shorter side), as a path. */
export function roundedPath (ctx: PosterContext, x: number, y: number, width: number, height: number, radius: number) {
  const r = Math.min(radius, width / 2, height / 2)
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + width, y, x + width, y + height, r)
  ctx.arcTo(x + width, y + height, x, y + height, r)
  ctx.arcTo(x, y + height, x, y, r)
  ctx.arcTo(x, y, x + width, y, r)
  ctx.closePath()
}

/** A ribbon: a band whose two ends are cut into swallow tails. */
export function drawBand (ctx: PosterContext, op: Op<'band'>, fill: string | CanvasGradient | CanvasPattern) {
  const { x, y, width, height, notch } = op
  ctx.fillStyle = fill
  ctx.beginPath()
  ctx.moveTo(x, y)
  ctx.lineTo(x + width, y)
  ctx.lineTo(x + width - notch, y + height / 2)
  ctx.lineTo(x + width, y + height)
  ctx.lineTo(x, y + height)
  ctx.lineTo(x + notch, y + height / 2)
  ctx.closePath()
  ctx.fill()
}

/** A very large character at low opacity, centred on x with its top at y. */
export function drawWatermark (ctx: PosterContext, op: Op<'watermark'>) {
  ctx.save()
  ctx.globalAlpha = op.opacity
  tilt(ctx, op.x, op.y + op.font.size / 2, op.rotate)
  ctx.font = font(op.font.size)
  ctx.fillStyle = op.color
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(op.text, op.x, op.y + op.font.size / 2)
  ctx.restore()
}

/** Thin lines, dots or cloud motifs over the op's box, clipped to it. */
export function drawPattern (ctx: PosterContext, op: Op<'pattern'>) {
  const { x, y, width, height, spacing } = op
  ctx.save()
  ctx.beginPath()
  ctx.moveTo(x, y)
  ctx.lineTo(x + width, y)
  ctx.lineTo(x + width, y + height)
  ctx.lineTo(x, y + height)
  ctx.closePath()
  ctx.clip()
  ctx.globalAlpha = op.opacity
  ctx.strokeStyle = op.color
  ctx.fillStyle = op.color
  ctx.lineWidth = Math.max(1, spacing / 24)
  ctx.beginPath()
  switch (op.kind) {
    case 'grid':
      for (let gx = x + spacing / 2; gx < x + width; gx += spacing) {
        ctx.moveTo(gx, y)
        ctx.lineTo(gx, y + height)
      }
      for (let gy = y + spacing / 2; gy < y + height; gy += spacing) {
        ctx.moveTo(x, gy)
        ctx.lineTo(x + width, gy)
      }
      ctx.stroke()
      break
    case 'hatch':
      for (let d = -height; d < width; d += spacing) {
        ctx.moveTo(x + d, y + height)
        ctx.lineTo(x + d + height, y)
      }
      ctx.stroke()
      break
    case 'dots': {
      const r = Math.max(1, spacing / 8)
      for (let gy = y + spacing / 2, row = 0; gy < y + height; gy += spacing, row++) {
        for (let gx = x + spacing / 2 + (row % 2 ? spacing / 2 : 0); gx < x + width; gx += spacing) {
          ctx.moveTo(gx + r, gy)
          ctx.arc(gx, gy, r, 0, Math.PI * 2)
        }
      }
      ctx.fill()
      break
    }
    case 'cloud':
      // 祥云: rows of three humps over a curl, every other row offset by half a motif.
      for (let gy = y + spacing / 2, row = 0; gy < y + height + spacing; gy += spacing * 0.75, row++) {
        for (let gx = x + (row % 2 ? spacing / 2 : 0); gx < x + width + spacing; gx += spacing) cloud(ctx, gx, gy, spacing / 6)
      }
      ctx.stroke()
      break
  }
  ctx.restore()
}

/** One cloud motif centred on (cx, cy), `r` the radius of its humps. */
function cloud (ctx: PosterContext, cx: number, cy: number, r: number) {
  ctx.moveTo(cx - r * 3, cy)
  ctx.arc(cx - r * 2, cy, r, Math.PI, 0)
  ctx.arc(cx, cy - r * 0.6, r * 1.2, Math.PI * 0.9, Math.PI * 0.1)
  ctx.arc(cx + r * 2, cy, r, Math.PI, 0)
  ctx.moveTo(cx + r * 3, cy)
  ctx.lineTo(cx - r * 3, cy)
  // The curl under the middle hump.
  ctx.moveTo(cx + r * 0.6, cy)
  ctx.arc(cx, cy, r * 0.6, 0, Math.PI * 1.5, false)
}
