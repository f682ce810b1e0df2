/** @jest-environment node */
// Line breaking a typesetter would accept, on every poster there is: words the segmenter finds
// stay whole, 避头尾 holds, and no paragraph ends on a line of one or two words when a re-break
// avoids it. The reference words are computed here with Node's Intl.Segmenter (full ICU), not
// read from the generated file, and that file is checked against them.
import { campaign, newsItems, proposal } from '@/content'
import { campaignWords } from '@/content/words.generated'
import { NO_LINE_END, NO_LINE_START, breakLines, eventCodeCard, personalPoster, posterTemplates } from '@/poster'
import type { PosterTemplate } from '@/poster'
import { WORD_ADDITIONS } from '../scripts/words.mjs'

/** A stand-in for canvas measureText at 1 px: CJK and full-width marks 1 em, Latin and digits 0.55 em, space 0.3 em. */
const measure = (text: string) => Array.from(text).reduce((sum, char) => sum + (char === ' ' ? 0.3 : /[\x21-\x7e]/.test(char) ? 0.55 : 1), 0)

/** Intl.Segmenter: in Node's full ICU, left out of the project's TypeScript lib, so the app cannot use it (WeChat has none). */
interface WordSegmenter { segment (text: string): Iterable<{ segment: string; isWordLike?: boolean }> }
const { Segmenter } = Intl as unknown as { Segmenter: new (locale: string, options: { granularity: 'word' }) => WordSegmenter }
const segmenter = new Segmenter('zh', { granularity: 'word' })
const HAN_WORD = /^\p{Script=Han}{2,}$/u
const LATIN = /[A-Za-z0-9@#&_\-/.:%+]/
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Reader-facing strings of the content (identifiers and dates left out). */
function textsOf (value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textsOf)
  if (value && typeof value === 'object') {
    return Object.entries(value).filter(([key]) => !['id', 'date', 'url'].includes(key)).flatMap(([, item]) => textsOf(item))
  }
  return []
}

/** Multi-character Han words Intl.Segmenter finds in a text, with code-point offsets [from, to). */
function segmenterWords (text: string): Array<{ word: string; from: number; to: number }> {
  const found: Array<{ word: string; from: number; to: number }> = []
  let offset = 0
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const length = Array.from(segment).length
    if (isWordLike && HAN_WORD.test(segment)) found.push({ word: segment, from: offset, to: offset + length })
    offset += length
  }
  return found
}

const contentTexts = textsOf([campaign, proposal, newsItems])
/** The campaign's words: what the segmenter finds in its text plus the reviewed additions. */
const vocabulary = new Set([...contentTexts.flatMap((text) => segmenterWords(text).map(({ word }) => word)), ...WORD_ADDITIONS.map(([word]) => word)])

/** Offsets (code points) a break may not fall at: inside any occurrence of a campaign word. */
function insideWords (chars: string[]): boolean[] {
  const inside = chars.map(() => false)
  for (const word of vocabulary) {
    const length = Array.from(word).length
    for (let start = 0; start + length <= chars.length; start++) {
      if (chars.slice(start, start + length).join('') === word) for (let k = start + 1; k < start + length; k++) inside[k] = true
    }
  }
  return inside
}

/** Where each line after the first starts in the paragraph (code points), spaces a break swallowed skipped. */
function breakOffsets (paragraph: string, lines: string[]): number[] {
  const chars = Array.from(paragraph)
  const offsets: number[] = []
  let at = 0
  lines.forEach((line, index) => {
    while (at < chars.length && /\s/.test(chars[at])) at++
    if (index > 0) offsets.push(at)
    expect(chars.slice(at, at + Array.from(line).length).join('')).toBe(line)
    at += Array.from(line).length
  })
  return offsets
}

const wordCount = (line: string) => (line.match(/[A-Za-z0-9@#&_\-/.:%+]+|\p{L}|\p{N}/gu) ?? []).length
const MIN_WORDS = 3

/**
 * Whether `paragraph` can be set in `count` lines that fit `width`, each of at least MIN_WORDS
 * words, breaking only where the rules allow: never inside a campaign word or a Latin run,
 * never before a closing mark or after an opening one.
 */
function rebreakExists (paragraph: string, count: number, width: number): boolean {
  const chars = Array.from(paragraph)
  const inside = insideWords(chars)
  const allowed = (k: number) => !inside[k] && !(LATIN.test(chars[k - 1]) && LATIN.test(chars[k])) &&
    !NO_LINE_START.has(chars.slice(k).join('').trim()[0]) && !NO_LINE_END.has(chars.slice(0, k).join('').trim().slice(-1))
  const cuts = [0, ...chars.map((_, k) => k).filter((k) => k > 0 && allowed(k)), chars.length]
  const lineOk = (a: number, b: number) => {
    const line = chars.slice(a, b).join('').trim()
    return measure(line) <= width && wordCount(line) >= MIN_WORDS
  }
  let reach = new Set([0])
  for (let lines = 0; lines < count; lines++) {
    const next = new Set<number>()
    for (const a of reach) for (const b of cuts) if (b > a && lineOk(a, b)) next.add(b)
    reach = next
  }
  return reach.has(chars.length)
}

/** The widest stretch between two allowed breaks: wider than the line, the breaker falls back to characters. */
function widestPiece (paragraph: string): number {
  const chars = Array.from(paragraph)
  const inside = insideWords(chars)
  let widest = 0
  let from = 0
  for (let k = 1; k <= chars.length; k++) {
    const glued = k < chars.length && (inside[k] || (LATIN.test(chars[k - 1]) && LATIN.test(chars[k])) || NO_LINE_START.has(chars[k]) || NO_LINE_END.has(chars[k - 1]))
    if (!glued) {
      widest = Math.max(widest, measure(chars.slice(from, k).join('').trim()))
      from = k
    }
  }
  return widest
}

/** Every poster there is, the personal poster and an event card with sample data. */
function allPosters (): PosterTemplate[] {
  return [
    ...posterTemplates,
    personalPoster({ number: 2024, nickname: '质量先锋', company: '全国质量诚信示范企业', date: '2024-09-23' }),
    personalPoster({ number: 7, nickname: '名'.repeat(30), company: '企'.repeat(40), date: '2024-09-01' }),
    eventCodeCard({ name: '共筑质量诚信 建设质量强国主题活动', date: '2024-09-01', place: '北京市市场监管局' }),
  ]
}

const elements = allPosters().flatMap((template) => template.elements.flatMap((element) => (element.type === 'text' ? [{ template: template.id, ...element }] : [])))
/** Line widths in em: each text's own width at every text size the posters use, and a few more. */
const widths = [...new Set([
  ...elements.flatMap((element) => elements.map((other) => Math.round((element.maxWidth / other.fontSize) * 100) / 100)),
  6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 24,
])].filter((width) => width >= 4).sort((a, b) => a - b)
const texts = [...new Set(elements.map((element) => element.text))]

describe('the generated word list', () => {
  test('is exactly what Intl.Segmenter finds in the content, plus the reviewed additions', () => {
    expect(campaignWords.split(' ')).toEqual([...vocabulary].sort(byCodePoint))
  })

  test('the segmenter, in this Node, keeps the campaign\'s words whole', () => {
    const words = (text: string) => Array.from(segmenter.segment(text), ({ segment }) => segment)
    expect(words('质量诚信')).toEqual(['质量', '诚信'])
    expect(words('建设质量强国')).toEqual(['建设', '质量', '强国'])
    for (const word of ['质量', '诚信', '变革', '发展', '安全', '强国']) expect(vocabulary.has(word)).toBe(true)
  })

  test('each reviewed addition occurs in the content and is one the segmenter splits', () => {
    for (const [word] of WORD_ADDITIONS) {
      expect(contentTexts.some((text) => text.includes(word))).toBe(true)
      expect(segmenterWords(word).map((found) => found.word)).not.toContain(word)
    }
    expect(WORD_ADDITIONS.map(([word]) => word)).toContain('着力')
  })
})

describe('known cases', () => {
  const headings = proposal.groups.flatMap((group) => group.sections.map((section) => section.heading))

  test('the gold poster keeps 着力 together and breaks its heading at the comma', () => {
    // Its heading at its own size and width, however the template sets it (whole or cut at the comma).
    const gold = posterTemplates.find((template) => template.id === 'quality-first')
    const element = gold?.elements.find((item) => item.type === 'text' && item.text.replace(/\n/g, '') === headings[0])
    expect(element?.type).toBe('text')
    if (element?.type !== 'text') return
    const atSize = (s: string) => measure(s) * element.fontSize
    expect(breakLines(headings[0], element.maxWidth, atSize)).toEqual(['始终坚持质量第一，', '着力抓好质量变革。'])
    expect(breakLines(element.text, element.maxWidth, atSize, { maxLines: element.maxLines })).toEqual(['始终坚持质量第一，', '着力抓好质量变革。'])
    // Before: per character at this width, 始终坚持质量第一，着 / 力抓好质量变革。
    expect(breakLines(headings[0], 10, measure)).toEqual(['始终坚持质量第一，', '着力抓好质量变革。'])
  })

  test('no heading ends on 变革。, 安全。 or 发展。 alone, at any width that needs two lines', () => {
    for (const heading of headings) {
      for (let width = 10; width < 18; width++) {
        const lines = breakLines(heading, width, measure)
        expect(lines).toHaveLength(2)
        expect(wordCount(lines[1])).toBeGreaterThanOrEqual(MIN_WORDS)
        expect(lines.some((line) => line.endsWith('着') || line.startsWith('力'))).toBe(false)
      }
      // Balanced at the comma, as a typesetter sets a two-part heading.
      expect(breakLines(heading, 16, measure)).toEqual(heading.split(/(?<=，)/))
    }
  })

  test('a text the campaign never wrote breaks by character', () => {
    expect(breakLines('甲乙丙丁戊己庚辛', 5, measure)).toEqual(['甲乙丙丁戊', '己庚辛'])
    // …and a short last line there is balanced too.
    expect(breakLines('甲乙丙丁戊己庚辛', 6, measure)).toEqual(['甲乙丙丁', '戊己庚辛'])
  })
})

describe.each(texts.map((text) => [text.replace(/\n/g, ' / ')] as const))('%s', (label) => {
  const text = texts.find((candidate) => candidate.replace(/\n/g, ' / ') === label) ?? ''
  const paragraphs = text.split('\n')

  test('at every width: fits, keeps the text, 避头尾, and no break inside a campaign word', () => {
    for (const width of widths) {
      for (const paragraph of paragraphs) {
        const lines = breakLines(paragraph, width, measure)
        const chars = Array.from(paragraph)
        const inside = insideWords(chars)
        const words = segmenterWords(paragraph).filter(({ word }) => vocabulary.has(word))
        breakOffsets(paragraph, lines).forEach((at) => {
          const split = words.find(({ from, to }) => from < at && at < to)
          if (split && measure(split.word) <= width) throw new Error(`${width} em: ${lines.join(' | ')} splits ${split.word}`)
          if (widestPiece(paragraph) <= width) expect(inside[at]).toBe(false)
        })
        lines.forEach((line, index) => {
          if (Array.from(line).length > 1) expect(measure(line)).toBeLessThanOrEqual(width)
          if (widestPiece(paragraph) > width) return
          if (index > 0 && NO_LINE_START.has(line[0])) throw new Error(`${width} em: ${lines.join(' | ')} starts a line with ${line[0]}`)
          if (NO_LINE_END.has(line[line.length - 1])) throw new Error(`${width} em: ${lines.join(' | ')} ends a line with ${line[line.length - 1]}`)
        })
      }
    }
  })

  test('at every width: a last line of one or two words only when no re-break avoids it', () => {
    for (const width of widths) {
      for (const paragraph of paragraphs) {
        if (widestPiece(paragraph) > width) continue
        const lines = breakLines(paragraph, width, measure)
        if (lines.length < 2 || wordCount(lines[lines.length - 1]) >= MIN_WORDS) continue
        if (rebreakExists(paragraph, lines.length, width)) throw new Error(`${width} em: ${lines.join(' | ')} could be re-broken`)
      }
    }
  })
})

describe('as laid out', () => {
  test('each poster text at its own size, width and line limit keeps campaign words whole', () => {
    for (const element of elements) {
      const width = element.maxWidth / element.fontSize
      const lines = breakLines(element.text, width, measure, { maxLines: element.maxLines })
      // The line an ellipsis ends is cut, not broken: only the lines before it are checked.
      const whole = lines[lines.length - 1].endsWith('…') && !element.text.endsWith('…') ? lines.slice(0, -1) : lines
      const words = element.text.split('\n').reduce<Array<{ word: string; from: number; to: number }>>((found, paragraph, index, all) => {
        const start = all.slice(0, index).reduce((sum, previous) => sum + Array.from(previous).length + 1, 0)
        return [...found, ...segmenterWords(paragraph).map((word) => ({ ...word, from: word.from + start, to: word.to + start }))]
      }, []).filter(({ word }) => vocabulary.has(word))
      for (const at of breakOffsets(element.text, whole)) {
        const split = words.find(({ from, to }) => from < at && at < to)
        if (split) throw new Error(`${element.template}: ${lines.join(' | ')} splits ${split.word}`)
      }
    }
  })
})
