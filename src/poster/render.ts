/**
 * Draws a poster template on any Canvas 2D context (weapp canvas node, H5 <canvas>), scaled so
 * poster units map to device pixels. Layout (line breaking, alignment) is pure and lives in
 * layout.ts; this file only executes its draw ops.
 */
import { drawBand, drawPattern, drawSeal, drawWatermark, roundedPath } from './decor'
import { CODE_LABEL_SIZE, codeCard, layoutPoster } from './layout'
import type { DrawOp } from './layout'
import { POSTER_FONT_FAMILY } from './types'
import type { Fill, PosterContext, PosterTemplate } from './types'

/** WeChat and most phones refuse canvases taller than this many device pixels. */
const MAX_CANVAS_PIXELS = 4096

export type { PosterContext } from './types'

export interface RenderTarget {
  width: number
  height: number
  getContext (type: '2d'): unknown
}

/** Device pixels per poster unit for a poster shown `cssWidth` wide, capped at MAX_CANVAS_PIXELS tall. */
export function renderScale (template: Pick<PosterTemplate, 'width' | 'height'>, cssWidth: number, pixelRatio: number) {
  const wanted = (cssWidth * pixelRatio) / template.width
  return Math.min(wanted, MAX_CANVAS_PIXELS / template.height)
}

function fontOf (size: number, weight: 'normal' | 'bold') {
  return `${weight === 'bold' ? 'bold ' : ''}${size}px ${POSTER_FONT_FAMILY}`
}

function fillStyle (ctx: PosterContext, fill: Fill, x: number, y: number, width: number, height: number) {
  if (typeof fill === 'string') return fill
  const radians = (fill.angle * Math.PI) / 180
  const dx = (Math.cos(radians) * width) / 2
  const dy = (Math.sin(radians) * height) / 2
  const cx = x + width / 2
  const cy = y + height / 2
  const gradient = ctx.createLinearGradient(cx - dx, cy - dy, cx + dx, cy + dy)
  for (const stop of fill.stops) gradient.addColorStop(stop.offset, stop.color)
  return gradient
}

/** Draws one op; the code arrives already made through `assets`. */
function draw (ctx: PosterContext, op: DrawOp, assets: PosterAssets) {
  switch (op.op) {
    case 'rect': {
      ctx.fillStyle = fillStyle(ctx, op.fill, op.x, op.y, op.width, op.height)
      if (op.radius) {
        roundedPath(ctx, op.x, op.y, op.width, op.height, op.radius)
        ctx.fill()
      } else {
        ctx.fillRect(op.x, op.y, op.width, op.height)
      }
      return
    }
    case 'text': {
      ctx.font = fontOf(op.font.size, op.font.weight)
      ctx.fillStyle = op.color
      ctx.textAlign = op.align
      ctx.textBaseline = 'alphabetic'
      ctx.fillText(op.text, op.x, op.y)
      return
    }
    case 'code': {
      // No code (offline, or the function could not make one): leave the slot empty rather
      // than draw a blank card that looks like a broken QR code.
      if (!assets.code) return
      // A white card holds the code and its label, so both read on any poster colour.
      const card = codeCard(op)
      ctx.fillStyle = '#ffffff'
      roundedPath(ctx, card.x, card.y, card.width, card.height, 12)
      ctx.fill()
      drawCode(ctx, assets.code, op.x, op.y, op.size)
      if (op.label) {
        ctx.font = fontOf(CODE_LABEL_SIZE, 'normal')
        ctx.textAlign = 'center'
        ctx.textBaseline = 'top'
        ctx.fillStyle = '#333333'
        ctx.fillText(op.label, op.x + op.size / 2, op.y + op.size + (op.y - card.y) + 4)
      }
      return
    }
    case 'seal':
      drawSeal(ctx, op)
      return
    case 'band':
      drawBand(ctx, op, fillStyle(ctx, op.fill, op.x, op.y, op.width, op.height))
      return
    case 'watermark':
      drawWatermark(ctx, op)
      return
    case 'pattern':
      drawPattern(ctx, op)
      return
    case 'image': {
      const image = assets[op.asset]
      if (!image || !(image.width > 0) || !(image.height > 0)) return
      if (op.backing) {
        ctx.fillStyle = op.backing
        roundedPath(ctx, op.x, op.y, op.width, op.height, 12)
        ctx.fill()
      }
      // Fitted inside the box with a small margin, keeping the picture's shape.
      const margin = op.backing ? Math.min(op.width, op.height) * 0.08 : 0
      const fit = Math.min((op.width - margin * 2) / image.width, (op.height - margin * 2) / image.height)
      const width = image.width * fit
      const height = image.height * fit
      try {
        ctx.drawImage(image as unknown as CanvasImageSource, op.x + (op.width - width) / 2, op.y + (op.height - height) / 2, width, height)
      } catch {
        // A platform that will not draw this picture (a canvas as the source, on an older WeChat)
        // leaves the area blank rather than the whole poster undrawn.
      }
      if (op.rule) {
        ctx.fillStyle = op.rule
        ctx.fillRect(op.x + margin, op.y + op.height - margin / 2 - 1, op.width - margin * 2, 2)
      }
    }
  }
}

function drawCode (ctx: PosterContext, code: CodeArt, x: number, y: number, size: number) {
  if (code.kind === 'image') {
    ctx.drawImage(code.image as CanvasImageSource, x, y, size, size)
    return
  }
  // Dark modules as squares, one rect per horizontal run: crisp at any scale, few draw calls.
  const count = code.modules.length
  const cell = size / count
  ctx.fillStyle = '#000000'
  code.modules.forEach((row, r) => {
    let start = -1
    for (let c = 0; c <= count; c++) {
      const dark = c < count && row[c]
      if (dark && start < 0) start = c
      if (!dark && start >= 0) {
        ctx.fillRect(x + start * cell, y + r * cell, (c - start) * cell, cell)
        start = -1
      }
    }
  })
}

/**
 * What fills a code slot: a QR module matrix (H5: a code of the page's URL) or a loaded
 * image (weapp: the mini-program code from the cloud function).
 */
export type CodeArt =
  | { kind: 'modules'; modules: boolean[][] }
  | { kind: 'image'; image: unknown }

/** A picture the canvas can draw (an image or canvas, weapp or DOM), with its size in pixels. */
export interface PosterImage { width: number; height: number }

export interface PosterAssets {
  /** The code for every code slot; without it the slots stay empty. */
  code?: CodeArt | null
  /** The pledger's handwritten signature for a personal poster's signature area; without it the area is not drawn. */
  signature?: PosterImage | null
}

/** Sizes the canvas for `scale` device pixels per poster unit and draws the whole poster. */
export function renderPoster (canvas: RenderTarget, template: PosterTemplate, scale: number, assets: PosterAssets = {}) {
  canvas.width = Math.round(template.width * scale)
  canvas.height = Math.round(template.height * scale)
  const ctx = canvas.getContext('2d') as PosterContext
  ctx.setTransform(scale, 0, 0, scale, 0, 0)
  ctx.fillStyle = fillStyle(ctx, template.background, 0, 0, template.width, template.height)
  ctx.fillRect(0, 0, template.width, template.height)
  const ops = layoutPoster(template, (text, font) => {
    ctx.font = fontOf(font.size, font.weight)
    return ctx.measureText(text).width
  })
  for (const op of ops) draw(ctx, op, assets)
  return ops
}
