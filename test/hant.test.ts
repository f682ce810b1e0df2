/** @jest-environment node */
import * as OpenCC from 'opencc-js'
import { campaign, contentIn, newsItems, proposal, toHant } from '@/content'
import { HANT_CHARS, HANT_PHRASES } from '@/content/hant.generated'
import { HANT_CORRECTIONS, contentTexts, referenceHant } from '../scripts/hant.mjs'

/** What the table (content and interface words) may add to the main package. */
const HANT_TABLE_BUDGET_BYTES = 3 * 1024

/** Bytes of a string literal as the bundles spell it: UTF-8 (config/index.ts: ascii_only false). */
const shippedBytes = (text: string) => Buffer.byteLength(JSON.stringify(text), 'utf8')

const allTexts = contentTexts([campaign, proposal, newsItems])
const openccHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' })

describe('toHant', () => {
  test('covers every string a reader sees, as the content tests count them', () => {
    expect(allTexts.length).toBeGreaterThan(30)
    expect(allTexts).toContain(proposal.title)
    expect(allTexts).toContain(proposal.dateLine)
    expect(allTexts).toContain(newsItems[0].source)
  })

  test.each(allTexts.map((text) => [text.slice(0, 24), text]))('matches OpenCC (cn → hk) with the reviewed fixes: %s', (_start, text) => {
    expect(toHant(text)).toBe(referenceHant(text))
  })

  test('differs from plain OpenCC only where a reviewed fix applies', () => {
    const fixed = allTexts.filter((text) => toHant(text) !== openccHongKong(text))
    expect(fixed.length).toBeLessThanOrEqual(HANT_CORRECTIONS.length)
    for (const text of fixed) {
      const expected = HANT_CORRECTIONS.reduce((out, [wrong, right]) => out.split(wrong).join(right), openccHongKong(text))
      expect(toHant(text)).toBe(expected)
    }
  })

  test('converts what a reader would check first', () => {
    expect(toHant(proposal.title)).toBe('2024年全國“質量月”企業質量誠信倡議書')
    expect(toHant('质')).toBe('質')
    expect(toHant(proposal.dateLine)).toBe('（2024年9月·北京）')
  })

  test('uses the phrases where a character converts by context', () => {
    const phrases = new Map(HANT_PHRASES)
    expect(phrases.get('关系')).toBe('關係')
    expect(toHant('管理体系')).toBe('管理體系')
    expect(toHant('中国制造向中国创造转变')).toBe('中國製造向中國創造轉變')
    expect(toHant('信用制度')).toBe('信用制度')
  })

  test('keeps the reviewed fixes to OpenCC, and each still matters', () => {
    for (const [wrong, right] of HANT_CORRECTIONS) {
      expect(allTexts.some((text) => toHant(text).includes(right))).toBe(true)
      expect(allTexts.some((text) => toHant(text).includes(wrong))).toBe(false)
    }
  })

  test('leaves text without Chinese characters alone', () => {
    expect(toHant('2024-09-23 n1 enterprise-1')).toBe('2024-09-23 n1 enterprise-1')
  })
})

describe('the generated table', () => {
  test(`adds at most ${HANT_TABLE_BUDGET_BYTES} bytes to the bundle, far less than a second copy of the text`, () => {
    const tableBytes = shippedBytes(HANT_CHARS) + HANT_PHRASES.reduce((sum, [from, to]) => sum + shippedBytes(from) + shippedBytes(to), 0)
    const copyBytes = allTexts.reduce((sum, text) => sum + shippedBytes(text), 0)
    expect(tableBytes).toBeLessThanOrEqual(HANT_TABLE_BUDGET_BYTES)
    expect(tableBytes).toBeLessThan(copyBytes / 5)
  })

  test('holds only conversions: pairs of different characters, each character once', () => {
    const chars = Array.from(HANT_CHARS)
    expect(chars.length % 2).toBe(0)
    const from = chars.filter((_ch, i) => i % 2 === 0)
    const to = chars.filter((_ch, i) => i % 2 === 1)
    expect(new Set(from).size).toBe(from.length)
    from.forEach((ch, i) => expect(to[i]).not.toBe(ch))
    expect(HANT_PHRASES.length).toBeLessThan(10)
  })
})

describe('contentIn', () => {
  test('简体 is the published content itself', () => {
    expect(contentIn('hans')).toEqual({ campaign, proposal, newsItems })
    expect(contentIn('hans').proposal).toBe(proposal)
  })

  test('繁體 converts every text, keeps ids and dates, and is converted once', () => {
    const hant = contentIn('hant')
    expect(contentIn('hant')).toBe(hant)
    expect(contentTexts([hant.campaign, hant.proposal, hant.newsItems])).toEqual(allTexts.map(referenceHant))
    expect(hant.proposal.groups.map((group) => [group.id, group.name])).toEqual([['enterprise', '企業界'], ['society', '全社會']])
    expect(hant.proposal.groups.flatMap((group) => group.sections.map((section) => section.id)))
      .toEqual(proposal.groups.flatMap((group) => group.sections.map((section) => section.id)))
    expect(hant.newsItems.map(({ id, date }) => ({ id, date }))).toEqual(newsItems.map(({ id, date }) => ({ id, date })))
    // The published objects are untouched.
    expect(proposal.title).toBe('2024年全国“质量月”企业质量诚信倡议书')
  })
})
