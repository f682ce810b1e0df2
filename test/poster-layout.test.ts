/** @jest-environment node */
import {
  PERSONAL_LAYOUTS, codeCard, eventCodeCard, layoutPoster, opBox, personalPoster, posterTemplates, sealGlyphs, tallestEmptyStrip,
} from '@/poster'
import type { PosterTemplate } from '@/poster'

/** CJK 1 em, Latin and digits 0.55 em, space 0.3 em: close to the fonts the posters use. */
const measure = (text: string, font: { size: number }) => Array.from(text)
  .reduce((sum, char) => sum + (char === ' ' ? 0.3 : /[\x21-\x7e]/.test(char) ? 0.55 : 1) * font.size, 0)

const everyPoster: PosterTemplate[] = [
  ...posterTemplates,
  ...PERSONAL_LAYOUTS.flatMap((layout) => [
    personalPoster({ number: 1234567, nickname: '质'.repeat(20), company: '企'.repeat(40), pledgedOn: '2024-09-23' }, layout),
    personalPoster({ number: 1, pledgedOn: '2024-09-01' }, layout),
  ]),
  eventCodeCard({ name: '质量开放日', date: '2024-09-23', place: '北京' }),
  eventCodeCard({ name: '质'.repeat(40), date: '2024-09-23', place: '地'.repeat(60) }),
]

describe('no large empty areas', () => {
  test.each(everyPoster.map((t, i) => [`${t.id}#${i}`, t] as const))('%s: no strip without text, code or decoration is taller than 40%% of the poster', (_, template) => {
    const strip = tallestEmptyStrip(template, measure)
    expect({ strip, share: Math.round((strip.height / template.height) * 100) / 100 }).toMatchObject({ share: expect.any(Number) })
    expect(strip.height).toBeLessThanOrEqual(template.height * 0.4)
  })

  test('the check finds the gap in a poster with its text all at the top', () => {
    const bare: PosterTemplate = {
      id: 'bare', name: 'bare', width: 750, height: 1334, background: '#ffffff',
      elements: [
        { type: 'text', x: 375, y: 100, text: '质量月', fontSize: 56, color: '#000000', maxWidth: 600, align: 'center' },
        // Plain rects are backgrounds, not content.
        { type: 'rect', x: 0, y: 400, width: 750, height: 400, fill: '#b71c1c' },
        { type: 'code', x: 295, y: 1100, size: 160, label: 'x' },
      ],
    }
    const strip = tallestEmptyStrip(bare, measure)
    // The line is 1.5 × 56 high, the glyphs centred in it.
    expect(strip.top).toBeCloseTo(100 + (56 * 1.5 - 56) / 2 + 56)
    expect(strip.height).toBeGreaterThan(1334 * 0.4)
    // A deliberate pattern field in the gap fills it.
    bare.elements.push({ type: 'pattern', kind: 'grid', x: 0, y: 300, width: 750, height: 600, color: '#000000', spacing: 50 })
    expect(tallestEmptyStrip(bare, measure).height).toBeLessThan(1334 * 0.4)
  })
})

describe('the code stays clear', () => {
  const overlap = (a: { left: number; top: number; right: number; bottom: number }, b: typeof a) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

  test.each(everyPoster.map((t, i) => [`${t.id}#${i}`, t] as const))('%s: nothing but the background under or over the code card', (_, template) => {
    const ops = layoutPoster(template, measure)
    const code = ops.find((op) => op.op === 'code')
    if (code?.op !== 'code') throw new Error('no code')
    const card = opBox(code, measure)
    if (!card) throw new Error('no card')
    const onTop = ops.filter((op) => op !== code).flatMap((op) => {
      const box = opBox(op, measure)
      return box && overlap(box, card) ? [op.op] : []
    })
    expect(onTop).toEqual([])
    // The card holds the code, its padding and the label's strip.
    const drawn = codeCard(code)
    const expected = { x: code.x - code.size * 0.08, y: code.y - code.size * 0.08, width: code.size * 1.16, height: code.size * 1.16 + 40 }
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(drawn[key]).toBeCloseTo(expected[key])
  })
})

describe('seal', () => {
  test('four characters read as a seal does: right column top to bottom, then the left', () => {
    const glyphs = sealGlyphs({ x: 0, y: 0, size: 200, text: '质量诚信', shape: 'square' })
    const [zhi, liang, cheng, xin] = glyphs
    expect(glyphs.map((g) => g.char).join('')).toBe('质量诚信')
    expect(zhi.x).toBe(liang.x)
    expect(cheng.x).toBe(xin.x)
    expect(zhi.x).toBeGreaterThan(cheng.x)
    expect(zhi.y).toBeLessThan(liang.y)
    expect(cheng.y).toBe(zhi.y)
    for (const glyph of glyphs) {
      expect(glyph.x - glyph.size / 2).toBeGreaterThan(0)
      expect(glyph.x + glyph.size / 2).toBeLessThan(200)
    }
  })

  test('two characters stack in one column, centred, inside a round seal', () => {
    const glyphs = sealGlyphs({ x: 100, y: 100, size: 150, text: '诚信', shape: 'round' })
    expect(glyphs.map((g) => [g.char, g.x])).toEqual([['诚', 175], ['信', 175]])
    expect(glyphs[0].y + glyphs[1].y).toBeCloseTo(350)
    // Both glyphs' corners stay inside the disc.
    for (const glyph of glyphs) expect(Math.hypot(glyph.size / 2, Math.abs(glyph.y - 175) + glyph.size / 2)).toBeLessThan(75)
  })
})
