import { breakLines } from './line-break'
import type { BandElement, Fill, ImageElement, PatternElement, PosterTemplate, SealElement } from './types'

export interface FontSpec { size: number; weight: 'normal' | 'bold' }
export type Measure = (text: string, font: FontSpec) => number

/** One character of a seal, centred on x, y (before the seal's tilt about its centre). */
export interface SealGlyph { char: string; x: number; y: number; size: number }

export type DrawOp =
  | { op: 'rect'; x: number; y: number; width: number; height: number; fill: Fill; radius: number }
  | { op: 'text'; x: number; y: number; text: string; font: FontSpec; color: string; align: 'left' | 'center' | 'right'; width: number; lineHeight: number }
  | { op: 'code'; x: number; y: number; size: number; label?: string }
  | { op: 'seal'; x: number; y: number; size: number; shape: 'square' | 'round'; color: string; ink: string; rotate: number; glyphs: SealGlyph[] }
  | ({ op: 'band' } & Omit<BandElement, 'type' | 'notch'> & { notch: number })
  | { op: 'watermark'; x: number; y: number; text: string; font: FontSpec; color: string; opacity: number; rotate: number }
  | ({ op: 'pattern' } & Omit<PatternElement, 'type' | 'opacity'> & { opacity: number })
  | ({ op: 'image' } & Omit<ImageElement, 'type'>)

/** Share of the font size above the baseline, for placing a line's baseline under its top. */
const ASCENT = 0.88

/** Share of the code size the white card adds on each side, and the label's strip under it. */
export const CODE_CARD_PAD = 0.08
export const CODE_LABEL_HEIGHT = 40
/** The code label's size: the same on every poster. */
export const CODE_LABEL_SIZE = 22

/** The white card a code (and its label) sits on. */
export function codeCard (op: { x: number; y: number; size: number; label?: string }) {
  const pad = op.size * CODE_CARD_PAD
  return { x: op.x - pad, y: op.y - pad, width: op.size + pad * 2, height: op.size + pad * 2 + (op.label ? CODE_LABEL_HEIGHT : 0) }
}

/**
 * Where a seal's characters sit: four in two columns read right column first, top to bottom;
 * one to three in a single column.
 */
export function sealGlyphs (seal: Pick<SealElement, 'x' | 'y' | 'size' | 'text' | 'shape'>): SealGlyph[] {
  const chars = Array.from(seal.text)
  const cx = seal.x + seal.size / 2
  const cy = seal.y + seal.size / 2
  if (chars.length === 4) {
    const cell = seal.size * (seal.shape === 'round' ? 0.3 : 0.38)
    return chars.map((char, index) => ({
      char,
      x: cx + (index < 2 ? cell / 2 : -cell / 2),
      y: cy + (index % 2 === 0 ? -cell / 2 : cell / 2),
      size: cell * 0.92,
    }))
  }
  const cell = (seal.size * (seal.shape === 'round' ? 0.6 : 0.76)) / Math.max(chars.length, 2)
  return chars.map((char, index) => ({ char, x: cx, y: cy + (index - (chars.length - 1) / 2) * cell, size: cell * 0.92 }))
}

/** Turns a template into draw ops in order; text is broken into one op per line. */
export function layoutPoster (template: PosterTemplate, measure: Measure): DrawOp[] {
  const ops: DrawOp[] = []
  for (const element of template.elements) {
    switch (element.type) {
      case 'rect':
        ops.push({ op: 'rect', x: element.x, y: element.y, width: element.width, height: element.height, fill: element.fill, radius: element.radius ?? 0 })
        break
      case 'code':
        ops.push({ op: 'code', x: element.x, y: element.y, size: element.size, label: element.label })
        break
      case 'seal': {
        const shape = element.shape ?? 'square'
        ops.push({
          op: 'seal', x: element.x, y: element.y, size: element.size, shape, color: element.color, ink: element.ink,
          rotate: element.rotate ?? 0, glyphs: sealGlyphs({ ...element, shape }),
        })
        break
      }
      case 'band':
        ops.push({ op: 'band', x: element.x, y: element.y, width: element.width, height: element.height, fill: element.fill, notch: element.notch ?? 0 })
        break
      case 'watermark':
        ops.push({
          op: 'watermark', x: element.x, y: element.y, text: element.text, font: { size: element.fontSize, weight: 'bold' },
          color: element.color, opacity: element.opacity, rotate: element.rotate ?? 0,
        })
        break
      case 'pattern':
        ops.push({
          op: 'pattern', kind: element.kind, x: element.x, y: element.y, width: element.width, height: element.height,
          color: element.color, spacing: element.spacing, opacity: element.opacity ?? 1,
        })
        break
      case 'image':
        ops.push({
          op: 'image', asset: element.asset, x: element.x, y: element.y, width: element.width, height: element.height,
          backing: element.backing, rule: element.rule,
        })
        break
      case 'text': {
        const font: FontSpec = { size: element.fontSize, weight: element.fontWeight ?? 'normal' }
        const lineHeight = element.fontSize * (element.lineHeight ?? 1.5)
        const lines = breakLines(element.text, element.maxWidth, (s) => measure(s, font), { maxLines: element.maxLines })
        lines.forEach((text, index) => {
          const top = element.y + index * lineHeight + (lineHeight - element.fontSize) / 2
          ops.push({
            op: 'text', x: element.x, y: top + element.fontSize * ASCENT, text, font, color: element.color,
            align: element.align ?? 'left', width: measure(text, font), lineHeight,
          })
        })
      }
    }
  }
  return ops
}

export interface TextBox { text: string; left: number; top: number; right: number; bottom: number }

/** The box each text op covers, for checking that text stays on the poster. */
export function textBounds (ops: DrawOp[]): TextBox[] {
  return ops.flatMap((op) => {
    if (op.op !== 'text') return []
    const left = op.align === 'left' ? op.x : op.align === 'center' ? op.x - op.width / 2 : op.x - op.width
    const top = op.y - op.font.size * ASCENT
    return [{ text: op.text, left, top, right: left + op.width, bottom: top + op.font.size }]
  })
}

export interface Box { left: number; top: number; right: number; bottom: number }

/**
 * The box an op covers, before any tilt: the code with its card and label, a watermark's
 * characters (measured), a seal's square. Plain rects (backgrounds, panels) have none: they
 * do not count as content when looking for empty areas.
 */
export function opBox (op: DrawOp, measure: Measure): Box | null {
  switch (op.op) {
    case 'rect':
      return null
    case 'text':
      return textBounds([op])[0]
    case 'code': {
      const card = codeCard(op)
      return { left: card.x, top: card.y, right: card.x + card.width, bottom: card.y + card.height }
    }
    case 'seal':
      return { left: op.x, top: op.y, right: op.x + op.size, bottom: op.y + op.size }
    case 'watermark': {
      const width = measure(op.text, op.font)
      return { left: op.x - width / 2, top: op.y, right: op.x + width / 2, bottom: op.y + op.font.size }
    }
    case 'band':
    case 'pattern':
    case 'image':
      return { left: op.x, top: op.y, right: op.x + op.width, bottom: op.y + op.height }
  }
}

/**
 * The tallest horizontal strip of the poster with no text, code or decoration in it: the
 * templates keep it under 40% of the poster's height.
 */
export function tallestEmptyStrip (template: PosterTemplate, measure: Measure) {
  // A signature's area is left out: without one it is empty.
  const boxes = layoutPoster(template, measure).flatMap((op) => {
    const box = op.op === 'image' ? null : opBox(op, measure)
    return box ? [box] : []
  }).sort((a, b) => a.top - b.top)
  let reached = 0
  let tallest = { top: 0, height: 0 }
  for (const box of [...boxes, { top: template.height, bottom: template.height }]) {
    if (box.top - reached > tallest.height) tallest = { top: reached, height: box.top - reached }
    reached = Math.max(reached, box.bottom)
  }
  return tallest
}
