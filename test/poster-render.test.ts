/** @jest-environment node */
import { encode } from 'uqr'
import { eventCodeCard, layoutPoster, personalPoster, posterTemplates } from '@/poster'
import { renderPoster } from '@/poster/render'
import type { CodeArt } from '@/poster/render'

/** Records what the renderer asks a Canvas 2D context to do; measures text at 1 em per character. */
function recordingCanvas () {
  const calls: Array<{ name: string; args: unknown[]; fillStyle: unknown }> = []
  const ctx: Record<string, unknown> = { font: '10px sans-serif', fillStyle: '#000000' }
  for (const name of ['fillRect', 'fillText', 'save', 'restore', 'beginPath', 'closePath', 'clip', 'fill', 'moveTo', 'arcTo', 'drawImage', 'setTransform', 'clearRect', 'strokeRect']) {
    ctx[name] = (...args: unknown[]) => { calls.push({ name, args, fillStyle: ctx.fillStyle }) }
  }
  ctx.measureText = (text: string) => ({ width: Array.from(text).length * Number.parseFloat(String(ctx.font).replace(/^bold /, '')) })
  ctx.createLinearGradient = () => ({ addColorStop () {} })
  const canvas = { width: 0, height: 0, getContext: () => ctx }
  return { canvas, calls }
}

const template = posterTemplates[0]
const slot = template.elements.find((element) => element.type === 'code')
if (slot?.type !== 'code') throw new Error('the first template has a code slot')

describe('code slot', () => {
  test('without a code the slot stays empty: no white card, no label', () => {
    const { canvas, calls } = recordingCanvas()
    renderPoster(canvas, template, 1)
    expect(calls.some((call) => call.name === 'fillText' && call.args[0] === slot.label)).toBe(false)
    expect(calls.some((call) => call.name === 'fill' && call.fillStyle === '#ffffff')).toBe(false)
  })

  // border 0: dark runs reach the matrix's last column too.
  test.each([2, 0])('a QR matrix (border %i) is drawn as black runs covering exactly its dark modules', (border) => {
    const modules = encode('http://127.0.0.1:8080/#/pages/pledge/index?scene=s%3Aabcdefghij', { ecc: 'M', border }).data
    const { canvas, calls } = recordingCanvas()
    renderPoster(canvas, template, 1, { code: { kind: 'modules', modules } })
    const cell = slot.size / modules.length
    const painted = modules.map((row) => row.map(() => false))
    for (const call of calls.filter((c) => c.name === 'fillRect' && c.fillStyle === '#000000')) {
      const [x, y, width, height] = call.args as number[]
      expect(height).toBeCloseTo(cell)
      const r = Math.round((y - slot.y) / cell)
      const from = Math.round((x - slot.x) / cell)
      for (let c = from; c < from + Math.round(width / cell); c++) painted[r][c] = true
    }
    expect(painted).toEqual(modules)
    expect(calls.some((call) => call.name === 'fillText' && call.args[0] === slot.label)).toBe(true)
  })

  // Drawn by the code op, so the layout's text boxes (poster.test.ts) do not see it.
  test('on every poster with a code, the label is drawn under the code and inside the poster', () => {
    const modules = encode('https://example.invalid/', { ecc: 'M' }).data
    const posters = [
      ...posterTemplates,
      personalPoster({ number: 123456, nickname: '质'.repeat(30), company: '企'.repeat(40), date: '2024-09-23' }),
      eventCodeCard({ name: '质'.repeat(60), date: '2024-09-23', place: '地'.repeat(60) }),
    ]
    for (const poster of posters) {
      const code = layoutPoster(poster, (text, font) => Array.from(text).length * font.size).find((op) => op.op === 'code')
      if (code?.op !== 'code' || !code.label) throw new Error(`${poster.id}: no labelled code slot`)
      const { canvas, calls } = recordingCanvas()
      renderPoster(canvas, poster, 1, { code: { kind: 'modules', modules } })
      const label = calls.find((call) => call.name === 'fillText' && call.args[0] === code.label)
      if (!label) throw new Error(`${poster.id}: the label ${code.label} is not drawn`)
      const [, x, y] = label.args as [string, number, number]
      // Centred, top-aligned, 22 units high; measured at 1 em per character.
      const half = (Array.from(code.label).length * 22) / 2
      expect({ id: poster.id, below: y >= code.y + code.size, inside: x - half >= 0 && x + half <= poster.width && y + 22 <= poster.height })
        .toEqual({ id: poster.id, below: true, inside: true })
    }
  })

  test('an image code is drawn once, filling the slot', () => {
    const image = { width: 430, height: 430 }
    const code: CodeArt = { kind: 'image', image }
    const { canvas, calls } = recordingCanvas()
    renderPoster(canvas, template, 2, { code })
    const draws = calls.filter((call) => call.name === 'drawImage')
    expect(draws).toEqual([expect.objectContaining({ args: [image, slot.x, slot.y, slot.size, slot.size] })])
  })
})
