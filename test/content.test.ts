/** @jest-environment node */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as OpenCC from 'opencc-js'
import { allSections, campaign, newsItems, proposal } from '@/content'
import { isIsoDate } from '@/utils/format-date'

const root = path.resolve(__dirname, '..')
/** The damaged seed document, committed as the content source (scripts/build-content.mjs reads it). */
const seed = path.join(root, 'src/content/source/000_35242d59f85e6fb5.txt')
/** Keys whose values are identifiers or dates, not Chinese text. */
const NON_TEXT_KEYS = new Set(['id', 'date', 'url'])

/** Every piece of reader-facing text in the content, labelled with where it sits. */
function texts (value: unknown, where: string): [string, string][] {
  if (typeof value === 'string') return [[where, value]]
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${where}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !NON_TEXT_KEYS.has(key))
      .flatMap(([key, item]) => texts(item, `${where}.${key}`))
  }
  return []
}

const allTexts = [
  ...texts(campaign, 'campaign'),
  ...texts(proposal, 'proposal'),
  ...texts(newsItems, 'newsItems'),
]

const paragraphs = [
  ...proposal.intro,
  ...allSections().flatMap((section) => section.paragraphs),
  ...campaign.description,
]

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/** What the damaged seed got wrong; each returns true for text that still shows the damage. */
const DAMAGE: Record<string, (text: string) => boolean> = {
  'pinyin after a character': (text) => /[(（][^)）]*[A-Za-z\u00C0-\u024F][^)）]*[)）]/.test(text),
  'letters with tone marks': (text) => /[\u00C0-\u024F\u1E00-\u1EFF]/.test(text),
  // The seed has no Latin letters outside pinyin, so none may remain.
  'Latin letters': (text) => /[A-Za-zＡ-Ｚａ-ｚ]/.test(text),
  'traditional characters': (text) => toSimplified(text) !== text,
  // OpenCC keeps 著; the published text writes 着力 and 体现着 and keeps 著 only in 显著.
  '著 outside 显著': (text) => text.replace(/显著/g, '').includes('著'),
  'half-width punctuation next to Chinese characters': (text) =>
    /\p{Script=Han}[,.:;!?()]|[,.:;!?()]\p{Script=Han}/u.test(text),
  'question marks or replacement characters left by mojibake': (text) => /[?？\uFFFD]/.test(text),
}

describe('text cleaned from the damaged seed', () => {
  test('covers every field a reader sees', () => {
    expect(allTexts.length).toBeGreaterThan(30)
    expect(allTexts.every(([, text]) => text.trim().length > 0)).toBe(true)
  })

  test.each(Object.keys(DAMAGE))('has no %s', (damage) => {
    expect(allTexts.filter(([, text]) => DAMAGE[damage](text))).toEqual([])
  })

  test.each(Object.keys(DAMAGE))('the check for %s does catch it in the seed', (damage) => {
    const lines = fs.readFileSync(seed, 'utf8').split('\n')
    expect(lines.some(DAMAGE[damage])).toBe(true)
  })

  test('OpenCC converts traditional text', () => {
    expect(toSimplified('質量強國')).toBe('质量强国')
  })

  test('keeps 显著 and writes 着力', () => {
    expect(allTexts.some(([, text]) => text.includes('显著'))).toBe(true)
    expect(allTexts.some(([, text]) => text.includes('着力'))).toBe(true)
  })

  test('keeps each paragraph once although the seed repeats the whole body', () => {
    expect(paragraphs.length).toBeGreaterThan(0)
    expect(new Set(paragraphs).size).toBe(paragraphs.length)
    const sentences = paragraphs.flatMap((p) => p.split('。')).filter((s) => s.length >= 10)
    expect(sentences.filter((s, i) => sentences.indexOf(s) !== i)).toEqual([])
  })
})

describe('campaign', () => {
  test('has the 2024 theme, quoted in the description', () => {
    expect(campaign.theme).toBe('加强质量支撑 共建质量强国')
    expect(campaign.description[0]).toContain(`以“${campaign.theme}”为主题`)
  })

  test('has two slogans and two description paragraphs', () => {
    expect(campaign.slogans).toHaveLength(2)
    expect(campaign.description).toHaveLength(2)
  })
})

describe('proposal', () => {
  test('opens with its title, date line and two intro paragraphs', () => {
    expect(proposal.title).toBe('2024年全国“质量月”企业质量诚信倡议书')
    expect(proposal.dateLine).toContain('2024年9月')
    expect(proposal.intro).toHaveLength(2)
  })

  test('has six headed sections in two groups of three: 企业界 then 全社会', () => {
    expect(proposal.groups.map((group) => group.name)).toEqual(['企业界', '全社会'])
    expect(proposal.groups.map((group) => group.sections.length)).toEqual([3, 3])
    expect(allSections()).toHaveLength(6)
    for (const group of proposal.groups) expect(group.lead).toContain(`倡议${group.name}`)
  })

  test('gives each section a unique anchor, a heading and text', () => {
    const sections = allSections()
    expect(new Set(sections.map((section) => section.id)).size).toBe(sections.length)
    for (const section of sections) {
      expect(section.heading).toMatch(/^[^。]+，[^。]+。$/)
      expect(section.paragraphs.length).toBeGreaterThan(0)
    }
  })
})

describe('news', () => {
  test('lists five reports, each with a source, a title and a real September 2024 date', () => {
    expect(newsItems).toHaveLength(5)
    for (const item of newsItems) {
      expect(item.source).not.toBe('')
      expect(item.title).not.toBe('')
      expect(isIsoDate(item.date)).toBe(true)
      expect(item.date.startsWith('2024-09-')).toBe(true)
    }
  })

  test('invents no links: the seed has none', () => {
    expect(newsItems.filter((item) => item.url !== undefined)).toEqual([])
  })

  test('every report has its own id (the list is keyed by it)', () => {
    expect(new Set(newsItems.map((item) => item.id)).size).toBe(newsItems.length)
  })
})

describe('the content source', () => {
  test('is the seed document byte for byte (fixes belong in CORRECTIONS, not in the source)', () => {
    const sha256 = createHash('sha256').update(fs.readFileSync(seed)).digest('hex')
    expect(sha256).toBe('e97f65d80e69f00ad94ae54988383c5440470848cdc62e6a52b7db57fe2cf062')
  })
})

describe('scripts/build-content.mjs --check', () => {
  /** Without a file, the script reads its default: the committed source. */
  const check = (seedFile?: string) => {
    const env = { ...process.env, SEED_FILE: seedFile }
    if (seedFile === undefined) delete env.SEED_FILE
    return spawnSync(process.execPath, ['scripts/build-content.mjs', '--check'], { cwd: root, env, encoding: 'utf8' })
  }
  test('passes: the committed content is what the committed source regenerates', () => {
    const result = check()
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  test('fails when the seed says something else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'))
    try {
      const changed = path.join(dir, 'seed.txt')
      fs.writeFileSync(changed, fs.readFileSync(seed, 'utf8').replace('(2024-09-26)', '(2024-09-27)'))
      const result = check(changed)
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('news.generated.ts differs from the seed')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('fails when the 繁體 table is stale: a character it has never converted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'))
    try {
      const changed = path.join(dir, 'seed.txt')
      // 铁 appears nowhere in the content, so the table has no 铁 → 鐵 yet.
      fs.writeFileSync(changed, fs.readFileSync(seed, 'utf8').replace('- 光明網(wǎng)', '- 鐵道網(wǎng)'))
      const result = check(changed)
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('hant.generated.ts differs from the seed')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('fails when the poster word list is stale: a word the content never had', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'))
    try {
      const changed = path.join(dir, 'seed.txt')
      // 琵琶 is a word Intl.Segmenter finds, and the content has no such word yet.
      fs.writeFileSync(changed, fs.readFileSync(seed, 'utf8').replace('- 光明網(wǎng)', '- 琵琶網(wǎng)'))
      const result = check(changed)
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('words.generated.ts differs from the seed')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

test('the H5 page description (index.html) is the campaign\'s first paragraph, word for word', () => {
  const html = fs.readFileSync(path.join(root, 'src/index.html'), 'utf8')
  const description = /<meta name="description" content="([^"]*)">/.exec(html)?.[1]
  expect(description).toBe(campaign.description[0])
})

test('the poster word list is imported by src/poster only, never by the main package', () => {
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
  const importers = sources(path.join(root, 'src'))
    .filter((file) => /from '[^']*words\.generated'/.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file))
  expect(importers).toEqual(['src/poster/line-break.ts'])
})
