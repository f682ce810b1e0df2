/** @jest-environment node */
import { campaign, proposal } from '@/content'
import {
  CAMPAIGN_LINE, NICKNAME_MAX, NO_LINE_END, NO_LINE_START, breakLines, eventCodeCard, layoutPoster, personalPoster,
  posterTemplates, textBounds,
} from '@/poster'
import { renderScale } from '@/poster/render'

/** A stand-in for canvas measureText: CJK and full-width marks 1 em, Latin and digits 0.55 em, space 0.3 em. */
const widthAt = (size: number) => (text: string) => Array.from(text)
  .reduce((sum, char) => sum + (char === ' ' ? 0.3 : /[\x21-\x7e]/.test(char) ? 0.55 : 1) * size, 0)
const measure = widthAt(10)
const layoutMeasure = (text: string, font: { size: number }) => widthAt(font.size)(text)

describe('breakLines', () => {
  test('fits every line in the width and keeps all the text', () => {
    const text = proposal.intro[0]
    const lines = breakLines(text, 200, measure)
    expect(lines.join('')).toBe(text)
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(200)
  })

  test('no line starts with closing punctuation and none ends with an opening mark', () => {
    for (const width of [60, 70, 80, 90, 100, 110, 130, 170]) {
      const lines = breakLines(proposal.intro[1], width, measure)
      // A space where a line breaks is the break itself.
      expect(lines.join('').replace(/\s/g, '')).toBe(proposal.intro[1].replace(/\s/g, ''))
      lines.forEach((line, index) => {
        if (index > 0) expect(NO_LINE_START.has(line[0])).toBe(false)
        expect(NO_LINE_END.has(line[line.length - 1])).toBe(false)
      })
    }
  })

  test('a closing mark that would start a line pulls the previous character down', () => {
    expect(breakLines('质量第一，抓好', 40, measure)).toEqual(['质量第', '一，抓好'])
  })

  test('an opening mark moves to the next line with what it opens', () => {
    expect(breakLines('全国“质量月”', 30, measure)).toEqual(['全国', '“质量', '月”'])
  })

  test('Latin words and digit runs stay whole', () => {
    const lines = breakLines('2024年全国Quality Month活动', 50, measure)
    expect(lines.join('')).toBe('2024年全国Quality Month活动')
    expect(lines.some((line) => line.includes('Quality'))).toBe(true)
    expect(lines.some((line) => line.includes('2024'))).toBe(true)
  })

  test('a closing mark after a Latin word pulls the whole word down, not its last letter', () => {
    expect(breakLines('质量月 Quality，好好', 75, measure)).toEqual(['质量月', 'Quality，好好'])
  })

  test('a word longer than the line is broken by character', () => {
    const lines = breakLines('https://example.invalid/abcdefghijklmnop', 50, measure)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(50)
    expect(lines.join('')).toBe('https://example.invalid/abcdefghijklmnop')
  })

  test('an explicit newline starts a new line', () => {
    expect(breakLines(campaign.theme.replace(' ', '\n'), 500, measure)).toEqual(campaign.theme.split(' '))
  })

  test('maxLines cuts with an ellipsis that still fits', () => {
    const lines = breakLines(proposal.intro[0], 100, measure, { maxLines: 2 })
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith('…')).toBe(true)
    expect(measure(lines[1])).toBeLessThanOrEqual(100)
    expect(breakLines('质量月', 100, measure, { maxLines: 2 })).toEqual(['质量月'])
  })
})

describe('breakLines widow control', () => {
  // measure: 10 per CJK character or full-width mark, so a width of 10n holds n of them.
  const heading = '始终坚持质量第一，着力抓好质量变革。'

  test('a last line holding one character takes the fewest characters from the line above', () => {
    // Greedy: 始终坚持质量第一，着力抓好质量变 / 革。
    expect(breakLines(heading, 160, measure)).toEqual(['始终坚持质量第一，着力抓好质量', '变革。'])
  })

  test('a Latin word counts as one, and the space the break swallowed comes back', () => {
    // Greedy: 全国质量月活动活动 / Quality
    expect(breakLines('全国质量月活动活动 Quality', 100, measure)).toEqual(['全国质量月活动活', '动 Quality'])
  })

  test('moving keeps the punctuation rules: more moves down rather than start on a closing mark or end on an opening one', () => {
    // Greedy: 一二三四五” / 六。 — moving only ” would start the last line with it.
    expect(breakLines('一二三四五”六。', 60, measure)).toEqual(['一二三四', '五”六。'])
    // Greedy: 一二三四“五 / 六”。 — moving only 五 would leave “ ending the line above.
    expect(breakLines('一二三四“五六”。', 60, measure)).toEqual(['一二三四', '“五六”。'])
    for (const text of [heading, ...proposal.intro, ...proposal.groups.flatMap((g) => g.sections.map((s) => s.heading))]) {
      for (let width = 60; width <= 300; width += 10) {
        const lines = breakLines(text, width, measure)
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
        lines.forEach((line, index) => {
          expect(measure(line)).toBeLessThanOrEqual(width)
          if (index > 0) expect(NO_LINE_START.has(line[0])).toBe(false)
          expect(NO_LINE_END.has(line[line.length - 1])).toBe(false)
        })
      }
    }
  })

  test('a paragraph that fits one line is unchanged, even a single character', () => {
    expect(breakLines('质量月。', 100, measure)).toEqual(['质量月。'])
    expect(breakLines('质', 100, measure)).toEqual(['质'])
    expect(breakLines('质量\n月', 100, measure)).toEqual(['质量', '月'])
  })

  test('lines cut by maxLines keep the greedy result and its ellipsis', () => {
    expect(breakLines(heading, 160, measure, { maxLines: 1 })).toEqual(['始终坚持质量第一，着力抓好质量…'])
    // The paragraph whose line takes the ellipsis is not whole, so it is left as it was.
    expect(breakLines(`${heading}\n质量月`, 160, measure, { maxLines: 2 })).toEqual(['始终坚持质量第一，着力抓好质量变', '革…'])
    // A paragraph shown whole above the cut is still balanced.
    expect(breakLines(`${heading}\n${heading}`, 160, measure, { maxLines: 3 }))
      .toEqual(['始终坚持质量第一，着力抓好质量', '变革。', '始终坚持质量第一，着力抓好质量…'])
    // maxLines that keeps every line does not cut, so the paragraph is balanced.
    expect(breakLines(heading, 160, measure, { maxLines: 2 })).toEqual(['始终坚持质量第一，着力抓好质量', '变革。'])
  })

  test('when no move fits the rules and the width, the greedy lines stay', () => {
    // Moving 乙 down would make 乙丙。 wider than two characters.
    expect(breakLines('甲乙丙。', 20, measure)).toEqual(['甲乙', '丙。'])
    // Moving 量 down would leave 一 alone above (and “ may not end a line).
    expect(breakLines('全国“质量月”', 30, measure)).toEqual(['全国', '“质量', '月”'])
    // A word wider than the line, broken by character: nothing to take without emptying the line above.
    expect(breakLines('abcdefghijk', 50, measure)).toEqual(['abcdefghi', 'jk'])
  })
})

describe('templates', () => {
  test('at least six, each with its own background and exactly one code slot', () => {
    expect(posterTemplates.length).toBeGreaterThanOrEqual(6)
    expect(new Set(posterTemplates.map((t) => JSON.stringify(t.background))).size).toBe(posterTemplates.length)
    expect(new Set(posterTemplates.map((t) => t.id)).size).toBe(posterTemplates.length)
    for (const template of posterTemplates) {
      expect(layoutPoster(template, layoutMeasure).filter((op) => op.op === 'code')).toHaveLength(1)
    }
  })

  test('all text stays inside the poster', () => {
    for (const template of [...posterTemplates, personalPoster({ number: 123456, nickname: '质'.repeat(30), company: '企'.repeat(40), date: '2024-09-23' })]) {
      for (const box of textBounds(layoutPoster(template, layoutMeasure))) {
        expect({ id: template.id, box, inside: box.left >= 0 && box.top >= 0 && box.right <= template.width && box.bottom <= template.height })
          .toMatchObject({ inside: true })
      }
    }
  })

  test('every word on a campaign poster comes from the campaign text', () => {
    const source = [campaign.theme, ...campaign.slogans, proposal.title, ...proposal.groups.flatMap((g) => g.sections.map((s) => s.heading))].join('\n')
    const allowed = new Set([CAMPAIGN_LINE, '我们倡议企业界', '我们倡议全社会'])
    for (const template of posterTemplates) {
      for (const element of template.elements) {
        if (element.type !== 'text') continue
        for (const part of element.text.split('\n')) {
          expect({ id: template.id, part, known: allowed.has(part) || source.includes(part) }).toMatchObject({ known: true })
        }
      }
    }
  })
})

describe('personalPoster', () => {
  const lines = (template: ReturnType<typeof personalPoster>) =>
    layoutPoster(template, layoutMeasure).flatMap((op) => (op.op === 'text' ? [op.text] : []))

  test('shows the server number, nickname, company and date', () => {
    const text = lines(personalPoster({ number: 42, nickname: ' 小王 ', company: '示范企业', date: '2024-09-23T08:00:00.000Z' }))
    expect(text).toEqual(expect.arrayContaining(['承诺编号 No.42', '小王', '示范企业', '2024年9月23日']))
  })

  test('without a nickname or company both lines are left out', () => {
    const blank = personalPoster({ number: 1, nickname: '  ', date: '2024-09-01' })
    const full = personalPoster({ number: 1, nickname: '小王', company: '示范企业', date: '2024-09-01' })
    expect(full.elements.length - blank.elements.length).toBe(2)
    expect(lines(blank)).toContain('承诺编号 No.1')
    expect(lines(blank)).not.toContain('')
  })

  test('nicknames are capped at NICKNAME_MAX characters', () => {
    const template = personalPoster({ number: 3, nickname: '名'.repeat(NICKNAME_MAX + 5), date: '2024-09-01' })
    const nickname = template.elements.find((e) => e.type === 'text' && e.text.startsWith('名'))
    expect(nickname && nickname.type === 'text' && Array.from(nickname.text)).toHaveLength(NICKNAME_MAX)
  })

  test.each([0, -1, 1.5, Number.NaN])('rejects pledge number %p', (number) => {
    expect(() => personalPoster({ number, date: '2024-09-01' })).toThrow(RangeError)
  })
})

test('render scale follows the pixel ratio but never makes the canvas taller than 4096 px (WeChat\'s limit)', () => {
  expect(renderScale({ width: 750, height: 1334 }, 375, 2)).toBe(1)
  for (const template of [...posterTemplates, eventCodeCard({ name: '质量开放日', date: '2024-09-23', place: '北京' })]) {
    expect(Math.round(template.height * renderScale(template, 375, 4))).toBeLessThanOrEqual(4096)
  }
})
