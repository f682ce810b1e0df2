/** @jest-environment node */
import { encode } from 'uqr'
import { eventCodeCard, layoutPoster, personalPoster, posterTemplates } from '@/poster'
import type { PosterElement, PosterTemplate } from '@/poster'
import { renderPoster } from '@/poster/render'
import type { CodeArt } from '@/poster/render'

/** Records what the renderer asks a Canvas 2D context to do; measures text at 1 em per character. */
function recordingCanvas () {
  const calls: Array<{ name: string; args: unknown[]; fillStyle: unknown; strokeStyle: unknown; globalAlpha: unknown; font: unknown }> = []
  const ctx: Record<string, unknown> = { font: '10px sans-serif', fillStyle: '#000000', strokeStyle: '#000000', globalAlpha: 1 }
  const names = [
    'fillRect', 'fillText', 'save', 'restore', 'beginPath', 'closePath', 'clip', 'fill', 'moveTo', 'lineTo', 'arc', 'arcTo',
    'stroke', 'translate', 'rotate', 'drawImage', 'setTransform', 'clearRect', 'strokeRect',
  ]
  for (const name of names) {
    ctx[name] = (...args: unknown[]) => {
      calls.push({ name, args, fillStyle: ctx.fillStyle, strokeStyle: ctx.strokeStyle, globalAlpha: ctx.globalAlpha, font: ctx.font })
    }
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
      ...(['classic', 'seal', 'band'] as const).map((layout) => personalPoster({ number: 123456, nickname: '质'.repeat(30), company: '企'.repeat(40), pledgedOn: '2024-09-23' }, layout)),
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

/** A poster holding only `elements`, drawn at scale 1: the calls after the background. */
function drawOnly (elements: PosterElement[], assets: Parameters<typeof renderPoster>[3] = {}) {
  const poster: PosterTemplate = { id: 'test', name: 'test', width: 750, height: 1334, background: '#ffffff', elements }
  const { canvas, calls } = recordingCanvas()
  renderPoster(canvas, poster, 1, assets)
  // The background is one fillRect after setTransform.
  return calls.slice(2)
}
const named = (calls: ReturnType<typeof drawOnly>, name: string) => calls.filter((call) => call.name === name)

describe('decorative elements', () => {
  test('a square seal: a red rounded square, an inner border and each character in the ink, tilted about its centre, all inside save/restore', () => {
    const calls = drawOnly([{ type: 'seal', x: 100, y: 200, size: 200, text: '质量诚信', color: '#b71c1c', ink: '#fbf7ef', rotate: -4 }])
    expect(calls[0].name).toBe('save')
    expect(calls[calls.length - 1].name).toBe('restore')
    expect(named(calls, 'translate')[0].args).toEqual([200, 300])
    expect(named(calls, 'rotate')[0].args[0]).toBeCloseTo((-4 * Math.PI) / 180)
    expect(named(calls, 'arcTo')).toHaveLength(4)
    expect(named(calls, 'fill')).toEqual([expect.objectContaining({ fillStyle: '#b71c1c' })])
    expect(named(calls, 'strokeRect')).toEqual([expect.objectContaining({ strokeStyle: '#fbf7ef', args: [114, 214, 172, 172] })])
    const glyphs = named(calls, 'fillText')
    expect(glyphs.map((call) => call.args[0])).toEqual(['质', '量', '诚', '信'])
    for (const glyph of glyphs) expect(glyph).toMatchObject({ fillStyle: '#fbf7ef', font: expect.stringMatching(/^bold \d+(\.\d+)?px /) })
  })

  test('a round seal is a filled disc and a stroked inner circle', () => {
    const calls = drawOnly([{ type: 'seal', x: 0, y: 0, size: 100, shape: 'round', text: '诚信', color: '#b71c1c', ink: '#ffffff' }])
    const arcs = named(calls, 'arc')
    expect(arcs.map((call) => call.args.slice(0, 3))).toEqual([[50, 50, 50], [50, 50, 43]])
    expect(named(calls, 'fill')).toHaveLength(1)
    expect(named(calls, 'stroke')).toEqual([expect.objectContaining({ strokeStyle: '#ffffff' })])
    expect(named(calls, 'rotate')).toEqual([])
    expect(named(calls, 'fillText').map((call) => call.args[0])).toEqual(['诚', '信'])
  })

  test('a band is one filled path with swallow-tail notches at both ends', () => {
    const calls = drawOnly([{ type: 'band', x: 30, y: 400, width: 690, height: 130, fill: '#b71c1c', notch: 36 }])
    expect(named(calls, 'moveTo').map((call) => call.args)).toEqual([[30, 400]])
    expect(named(calls, 'lineTo').map((call) => call.args)).toEqual([[720, 400], [684, 465], [720, 530], [30, 530], [66, 465]])
    expect(named(calls, 'fill')).toEqual([expect.objectContaining({ fillStyle: '#b71c1c' })])
  })

  test('a watermark is its text at the given opacity, drawn once, the opacity undone after', () => {
    const calls = drawOnly([{ type: 'watermark', x: 375, y: 100, text: '质', fontSize: 500, color: '#ffe9a8', opacity: 0.08 }])
    expect(named(calls, 'fillText')).toEqual([expect.objectContaining({ args: ['质', 375, 350], globalAlpha: 0.08, fillStyle: '#ffe9a8', font: expect.stringMatching(/^bold 500px /) })])
    expect(calls[0].name).toBe('save')
    expect(calls[calls.length - 1].name).toBe('restore')
  })

  test('a grid is clipped to its box and stroked once: one line per spacing each way', () => {
    const calls = drawOnly([{ type: 'pattern', kind: 'grid', x: 0, y: 0, width: 300, height: 200, color: '#ffe9a8', spacing: 50, opacity: 0.1 }])
    expect(named(calls, 'clip')).toHaveLength(1)
    // The clip's rectangle: 3 lineTo; then 6 vertical and 4 horizontal lines.
    expect(named(calls, 'lineTo')).toHaveLength(3 + 6 + 4)
    expect(named(calls, 'stroke')).toEqual([expect.objectContaining({ strokeStyle: '#ffe9a8', globalAlpha: 0.1 })])
    expect(calls[calls.length - 1].name).toBe('restore')
  })

  test('hatching is diagonal lines at 45°, stroked once', () => {
    const calls = drawOnly([{ type: 'pattern', kind: 'hatch', x: 0, y: 0, width: 100, height: 100, color: '#000000', spacing: 25 }])
    const lines = named(calls, 'lineTo').slice(3)
    expect(lines.length).toBe(8)
    const moves = named(calls, 'moveTo').slice(1)
    moves.forEach((move, index) => {
      const [x0, y0] = move.args as number[]
      const [x1, y1] = lines[index].args as number[]
      expect(x1 - x0).toBeCloseTo(y0 - y1)
    })
    expect(named(calls, 'stroke')).toHaveLength(1)
  })

  test('dots are small circles on a staggered grid, filled once', () => {
    const calls = drawOnly([{ type: 'pattern', kind: 'dots', x: 0, y: 0, width: 112, height: 56, color: '#b71c1c', spacing: 28, opacity: 0.25 }])
    const dots = named(calls, 'arc')
    // Row one: 4 dots from 14; row two offset by half: 3 dots from 28.
    expect(dots.map((call) => call.args.slice(0, 2))).toEqual([[14, 14], [42, 14], [70, 14], [98, 14], [28, 42], [56, 42], [84, 42]])
    expect(named(calls, 'fill')).toEqual([expect.objectContaining({ fillStyle: '#b71c1c', globalAlpha: 0.25 })])
  })

  test('clouds are arcs (humps and a curl) stroked once', () => {
    const calls = drawOnly([{ type: 'pattern', kind: 'cloud', x: 0, y: 0, width: 200, height: 100, color: '#ffe9a8', spacing: 96 }])
    const arcs = named(calls, 'arc')
    expect(arcs.length % 4).toBe(0)
    expect(arcs.length).toBeGreaterThanOrEqual(8)
    expect(named(calls, 'stroke')).toHaveLength(1)
  })
})

describe('signature image', () => {
  const area: PosterElement = { type: 'image', asset: 'signature', x: 100, y: 900, width: 300, height: 100, backing: '#fffdf7', rule: '#999999' }

  test('a picture the platform refuses to draw leaves the area blank and the rest of the poster drawn', () => {
    const { canvas, calls } = recordingCanvas()
    const ctx = canvas.getContext() as Record<string, unknown>
    ctx.drawImage = () => { throw new TypeError('drawImage: unsupported source') }
    const after: PosterElement = { type: 'rect', x: 0, y: 1200, width: 750, height: 134, fill: '#b71c1c' }
    const poster: PosterTemplate = { id: 'test', name: 'test', width: 750, height: 1334, background: '#ffffff', elements: [area, after] }
    expect(() => renderPoster(canvas, poster, 1, { signature: { width: 360, height: 140 } })).not.toThrow()
    expect(calls.filter((call) => call.name === 'fillRect').map((call) => call.fillStyle)).toContain('#b71c1c')
  })

  test('without a signature nothing is drawn, not even the backing', () => {
    expect(drawOnly([area])).toEqual([])
    expect(drawOnly([area], { signature: null })).toEqual([])
  })

  test('a signature is fitted inside the area keeping its shape, on its backing, over a rule', () => {
    const signature = { width: 360, height: 140 }
    const calls = drawOnly([area], { signature })
    expect(named(calls, 'fill')).toEqual([expect.objectContaining({ fillStyle: '#fffdf7' })])
    const [draw] = named(calls, 'drawImage')
    const [image, x, y, width, height] = draw.args as [unknown, number, number, number, number]
    expect(image).toBe(signature)
    expect(width / height).toBeCloseTo(360 / 140)
    expect(x).toBeGreaterThanOrEqual(100)
    expect(y).toBeGreaterThanOrEqual(900)
    expect(x + width).toBeLessThanOrEqual(400)
    expect(y + height).toBeLessThanOrEqual(1000)
    expect(named(calls, 'fillRect')).toEqual([expect.objectContaining({ fillStyle: '#999999' })])
  })

  test('every personal layout draws the signature it is given, and only then', () => {
    for (const layout of ['classic', 'seal', 'band'] as const) {
      const poster = personalPoster({ number: 5, pledgedOn: '2024-09-01' }, layout)
      const signature = { width: 300, height: 120 }
      const signed = recordingCanvas()
      renderPoster(signed.canvas, poster, 1, { signature })
      expect(signed.calls.filter((call) => call.name === 'drawImage' && call.args[0] === signature)).toHaveLength(1)
      const unsigned = recordingCanvas()
      renderPoster(unsigned.canvas, poster, 1)
      expect(unsigned.calls.filter((call) => call.name === 'drawImage')).toEqual([])
    }
  })
})
