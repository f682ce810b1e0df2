/** @jest-environment node */
import { campaign, proposal } from '@/content'
import {
  CAMPAIGN_LINE, NICKNAME_MAX, NO_LINE_END, NO_LINE_START, PERSONAL_LAYOUTS, TYPE_SCALE, breakLines, eventCodeCard, layoutPoster,
  personalPoster, posterTemplates, textBounds,
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

  test('a closing mark that would start a line pulls the previous word down', () => {
    expect(breakLines('甲乙丙丁，戊己', 40, measure)).toEqual(['甲乙丙', '丁，戊己'])
    // 第一 is a campaign word, so both its characters go down with the comma (and the lone 好
    // stays: three lines of three words do not fit).
    expect(breakLines('质量第一，抓好', 40, measure)).toEqual(['质量', '第一，抓', '好'])
  })

  test('an opening mark moves to the next line with what it opens', () => {
    expect(breakLines('全国“质量月”', 30, measure)).toEqual(['全国', '“质量', '月”'])
  })

  test('Latin words and digit runs stay whole', () => {
    // The space a break falls on is swallowed, never carried to the next line's start.
    expect(breakLines('2024年全国Quality Month活动', 50, measure)).toEqual(['2024年', '全国', 'Quality', 'Month活动'])
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

  test('a last line of one or two words is re-broken with the line above, balanced', () => {
    // Greedy (变革 a word): 始终坚持质量第一，着力抓好质量 / 变革。
    expect(breakLines(heading, 160, measure)).toEqual(['始终坚持质量第一，', '着力抓好质量变革。'])
  })

  test('only the fewest lines at the end are re-broken', () => {
    // Greedy: 甲乙丙丁戊 / 己庚辛壬癸 / 子丑 — the first line stays as it was.
    expect(breakLines('甲乙丙丁戊己庚辛壬癸子丑', 50, measure)).toEqual(['甲乙丙丁戊', '己庚辛壬', '癸子丑'])
  })

  test('a Latin word counts as one, and the space the break swallowed comes back', () => {
    // Greedy: 全国质量月活动活动 / Quality
    expect(breakLines('全国质量月活动活动 Quality', 100, measure)).toEqual(['全国质量月活动', '活动 Quality'])
  })

  test('moving keeps the punctuation rules: more moves down rather than start on a closing mark or end on an opening one', () => {
    // Greedy: 一二三四五” / 六。 — moving only ” would start the last line with it.
    expect(breakLines('一二三四五”六。', 60, measure)).toEqual(['一二三', '四五”六。'])
    // Greedy: 一二三四“五 / 六”。 — moving only 五 would leave “ ending the line above.
    expect(breakLines('一二三四“五六”。', 60, measure)).toEqual(['一二三', '四“五六”。'])
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
    expect(breakLines(`${heading}\n质量月`, 160, measure, { maxLines: 2 })).toEqual(['始终坚持质量第一，着力抓好质量', '变革…'])
    // A paragraph shown whole above the cut is still balanced.
    expect(breakLines(`${heading}\n${heading}`, 160, measure, { maxLines: 3 }))
      .toEqual(['始终坚持质量第一，', '着力抓好质量变革。', '始终坚持质量第一，着力抓好质量…'])
    // maxLines that keeps every line does not cut, so the paragraph is balanced.
    expect(breakLines(heading, 160, measure, { maxLines: 2 })).toEqual(['始终坚持质量第一，', '着力抓好质量变革。'])
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
  const everyPoster = () => [
    ...posterTemplates,
    ...PERSONAL_LAYOUTS.flatMap((layout) => [
      personalPoster({ number: 123456, nickname: '质'.repeat(30), company: '企'.repeat(40), pledgedOn: '2024-09-23' }, layout),
      personalPoster({ number: 1, pledgedOn: '2024-09-01' }, layout),
    ]),
    eventCodeCard({ name: '质'.repeat(40), date: '2024-09-23', place: '地'.repeat(60) }),
  ]

  test('at least eight, the first six keeping their ids, each with its own background and exactly one code slot', () => {
    expect(posterTemplates.length).toBeGreaterThanOrEqual(8)
    expect(posterTemplates.map((t) => t.id)).toEqual(expect.arrayContaining(['theme', 'slogans', 'enterprise', 'society', 'quality-first', 'strong-nation']))
    expect(posterTemplates[0].id).toBe('theme')
    expect(new Set(posterTemplates.map((t) => JSON.stringify(t.background))).size).toBe(posterTemplates.length)
    expect(new Set(posterTemplates.map((t) => t.id)).size).toBe(posterTemplates.length)
    for (const template of posterTemplates) {
      const codes = layoutPoster(template, layoutMeasure).filter((op) => op.op === 'code')
      expect({ id: template.id, codes: codes.length, labelled: codes.every((op) => op.op === 'code' && Boolean(op.label)) }).toEqual({ id: template.id, codes: 1, labelled: true })
    }
  })

  test('the gallery uses every decorative element, and no two posters are built from the same elements in the same order', () => {
    const kinds = new Set(posterTemplates.flatMap((t) => t.elements.map((e) => (e.type === 'pattern' ? `pattern:${e.kind}` : e.type))))
    for (const kind of ['seal', 'band', 'watermark', 'pattern:grid', 'pattern:hatch', 'pattern:dots', 'pattern:cloud']) expect(kinds).toContain(kind)
    const shapes = posterTemplates.map((t) => t.elements.map((e) => (e.type === 'text' ? `${e.type}:${e.align ?? 'left'}` : e.type)).join())
    expect(new Set(shapes).size).toBe(posterTemplates.length)
  })

  test('every text uses a size and weight of the type scale (share covers, smaller canvases, aside)', () => {
    const scale = Object.values(TYPE_SCALE).map((style) => `${style.fontSize}/${style.fontWeight}`)
    for (const template of everyPoster()) {
      for (const element of template.elements) {
        if (element.type !== 'text') continue
        expect({ id: template.id, text: element.text, style: `${element.fontSize}/${element.fontWeight ?? 'normal'}`, inScale: scale.includes(`${element.fontSize}/${element.fontWeight ?? 'normal'}`) })
          .toMatchObject({ inScale: true })
      }
    }
  })

  test('all text stays inside the poster', () => {
    for (const template of everyPoster()) {
      for (const box of textBounds(layoutPoster(template, layoutMeasure))) {
        expect({ id: template.id, box, inside: box.left >= 0 && box.top >= 0 && box.right <= template.width && box.bottom <= template.height })
          .toMatchObject({ inside: true })
      }
    }
  })

  test('every word on a campaign poster, seals and watermarks too, comes from the campaign text', () => {
    const source = [
      campaign.heading, campaign.theme, ...campaign.slogans, proposal.title,
      ...proposal.groups.flatMap((g) => [g.name, ...g.sections.map((s) => s.heading)]),
    ].join('\n')
    const allowed = new Set([CAMPAIGN_LINE, '我们倡议企业界', '我们倡议全社会'])
    // The personal poster's own lines: its number, the response to the title, the pledge date.
    const personalLine = (part: string) => /^承诺编号 No\.\d+$|^承诺日期 \d{4}年\d{1,2}月\d{1,2}日$/.test(part) || part === '响应' || part === `《${proposal.title}》`
    for (const template of [...posterTemplates, ...PERSONAL_LAYOUTS.map((layout) => personalPoster({ number: 1, pledgedOn: '2024-09-01' }, layout))]) {
      for (const element of template.elements) {
        const words = element.type === 'text' ? element.text.split('\n') : element.type === 'seal' || element.type === 'watermark' ? [element.text] : []
        for (const part of words) {
          expect({ id: template.id, part, known: allowed.has(part) || source.includes(part) || personalLine(part) })
            .toMatchObject({ known: true })
        }
      }
    }
  })
})

describe('personalPoster', () => {
  const lines = (template: ReturnType<typeof personalPoster>) =>
    layoutPoster(template, layoutMeasure).flatMap((op) => (op.op === 'text' ? [op.text] : []))

  test.each(PERSONAL_LAYOUTS)('the %s layout shows the server number, nickname, company and the labelled pledge date', (layout) => {
    const text = lines(personalPoster({ number: 42, nickname: ' 小王 ', company: '示范企业', pledgedOn: '2024-09-23T08:00:00.000Z' }, layout))
    expect(text).toEqual(expect.arrayContaining(['承诺编号 No.42', '小王', '示范企业', '承诺日期 2024年9月23日']))
  })

  test('layouts have their own ids and each has a signature area', () => {
    const posters = PERSONAL_LAYOUTS.map((layout) => personalPoster({ number: 1, pledgedOn: '2024-09-01' }, layout))
    expect(new Set(posters.map((p) => p.id)).size).toBe(PERSONAL_LAYOUTS.length)
    expect(personalPoster({ number: 1, pledgedOn: '2024-09-01' }).id).toBe('personal')
    for (const poster of posters) expect(poster.elements.filter((e) => e.type === 'image' && e.asset === 'signature')).toHaveLength(1)
  })

  test('the older call shape (date, no layout) still draws the classic layout', () => {
    const old = personalPoster({ number: 7, nickname: '小王', date: '2024-09-23T08:00:00.000Z' })
    expect(old).toEqual(personalPoster({ number: 7, nickname: '小王', pledgedOn: '2024-09-23' }, 'classic'))
  })

  test.each(PERSONAL_LAYOUTS)('%s: without a nickname or company both lines are left out', (layout) => {
    const blank = personalPoster({ number: 1, nickname: '  ', pledgedOn: '2024-09-01' }, layout)
    const full = personalPoster({ number: 1, nickname: '小王', company: '示范企业', pledgedOn: '2024-09-01' }, layout)
    expect(full.elements.length - blank.elements.length).toBe(2)
    expect(lines(blank)).toContain('承诺编号 No.1')
    expect(lines(blank)).not.toContain('')
  })

  test('nicknames are capped at NICKNAME_MAX characters', () => {
    const template = personalPoster({ number: 3, nickname: '名'.repeat(NICKNAME_MAX + 5), pledgedOn: '2024-09-01' })
    const nickname = template.elements.find((e) => e.type === 'text' && e.text.startsWith('名'))
    expect(nickname && nickname.type === 'text' && Array.from(nickname.text)).toHaveLength(NICKNAME_MAX)
  })

  test.each([0, -1, 1.5, Number.NaN])('rejects pledge number %p', (number) => {
    expect(() => personalPoster({ number, pledgedOn: '2024-09-01' })).toThrow(RangeError)
  })
})

test('render scale follows the pixel ratio but never makes the canvas taller than 4096 px (WeChat\'s limit)', () => {
  expect(renderScale({ width: 750, height: 1334 }, 375, 2)).toBe(1)
  for (const template of [...posterTemplates, eventCodeCard({ name: '质量开放日', date: '2024-09-23', place: '北京' })]) {
    expect(Math.round(template.height * renderScale(template, 375, 4))).toBeLessThanOrEqual(4096)
  }
})
