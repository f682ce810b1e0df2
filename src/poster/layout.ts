import { breakLines } from './line-break'
import type { Fill, PosterTemplate } from './types'

export interface FontSpec { size: number; weight: 'normal' | 'bold' }
export type Measure = (text: string, font: FontSpec) => number

export type DrawOp =
  | { op: 'rect'; x: number; y: number; width: number; height: number; fill: Fill; radius: number }
  | { op: 'text'; x: number; y: number; text: string; font: FontSpec; color: string; align: 'left' | 'center' | 'right'; width: number; lineHeight: number }
  | { op: 'code'; x: number; y: number; size: number; label?: string }

/** Share of the font size above the baseline, for placing a line's baseline under its top. */
const ASCENT = 0.88

/** Turns a template into draw ops in order; text is broken into one op per line. */
export function layoutPoster (template: PosterTemplate, measure: Measure): DrawOp[] {
  const ops: DrawOp[] = []
  for (const element of template.elements) {
    if (element.type === 'rect') {
      ops.push({ op: 'rect', x: element.x, y: element.y, width: element.width, height: element.height, fill: element.fill, radius: element.radius ?? 0 })
    } else if (element.type === 'code') {
      ops.push({ op: 'code', x: element.x, y: element.y, size: element.size, label: element.label })
    } else {
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
