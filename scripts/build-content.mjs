#!/usr/bin/env node
// Rebuilds src/content/*.generated.ts from the damaged seed copy, which is committed byte for byte
// as src/content/source/000_35242d59f85e6fb5.txt (never imported by the app, so never bundled).
//   node scripts/build-content.mjs          write the files
//   node scripts/build-content.mjs --check  exit 1 if the committed files differ
//   SEED_FILE=<path> …                      read another copy instead (the tests use it)
// Every hand-reviewed correction lives in CORRECTIONS below, so the output is reproducible.
// hant.generated.ts is the table for the 繁體 reading option, derived by scripts/hant.mjs from
// the same content (its own reviewed fixes to OpenCC are HANT_CORRECTIONS there).
// words.generated.ts lists the content's multi-character words for poster line breaking, found
// by Intl.Segmenter in scripts/words.mjs (its reviewed additions are WORD_ADDITIONS there).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as OpenCC from 'opencc-js/t2cn'
import { contentTexts, deriveHantTable, renderHantModule, wordTexts } from './hant.mjs'
import { deriveWords, renderWordsModule } from './words.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seedPath = process.env.SEED_FILE ?? path.join(root, 'src/content/source/000_35242d59f85e6fb5.txt')
const outDir = path.join(root, 'src/content')

/** Pinyin the damaged copy appended after polyphonic characters: "質(zhì)量". */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]+\)/g
const HALF_TO_FULL = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' }

/**
 * Reviewed against the published simplified text. OpenCC keeps 著 (it is also a simplified
 * character), but the original writes 着 in 着力 and 体现着 and keeps 著 only in 显著.
 * Each entry must match at least once, so a stale correction fails loudly.
 */
const CORRECTIONS = [
  ['著力', '着力'],
  ['体现著', '体现着'],
  // Two spots were GBK bytes decoded one byte off: "??蒲屑夹g" is the bytes of "。科研技術",
  // "?jiǎng)訂T" those of "動員" (84 D3 86 54) with a stray pinyin fragment.
  ['氛围??蒲屑夹g和', '氛围。科研技术和'],
  ['也需要?jiǎng)订T全社会', '也需要动员全社会'],
]

function fail (message) {
  throw new Error(`build-content: ${message}`)
}

function normalise (text) {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
  let out = toSimplified(text.replace(PINYIN, ''))
  for (const [from, to] of CORRECTIONS) {
    if (!out.includes(from)) fail(`correction ${from} → ${to} no longer matches the seed`)
    out = out.split(from).join(to)
  }
  if (/著/.test(out.replace(/显著/g, ''))) fail('a 著 outside 显著 needs review')
  if (/[?A-Za-z\u00C0-\u024F]/.test(out)) fail('a stray "?" or Latin letter needs review')
  return out.replace(/[,:;!?()]/g, (ch) => HALF_TO_FULL[ch])
}

function expectLine (lines, index, pattern, what) {
  const line = lines[index]
  if (line === undefined || !pattern.test(line)) fail(`line ${index + 1} should be ${what}, found: ${line}`)
  return line
}

function parse (raw) {
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  const newsStart = lines.findIndex((l) => l.startsWith('- '))
  if (newsStart < 0) fail('no news lines')
  const body = lines.slice(1, newsStart)
  // The damaged copy repeats everything after the page title once.
  const half = body.length / 2
  if (!Number.isInteger(half) || body.slice(0, half).join('\n') !== body.slice(half).join('\n')) {
    fail('expected the body to appear exactly twice')
  }
  const doc = [lines[0], ...body.slice(0, half)]

  const [pageTitle, slogan1, slogan2, titleHead, titleTail, dateLine] = doc
  expectLine(doc, 4, /^倡议书$/, '倡议书')
  expectLine(doc, 5, /^（2024年9月·北京）$/, 'the place/date line')
  const enterpriseLead = doc.findIndex((l) => l.includes('倡议企业界'))
  const societyLead = doc.findIndex((l) => l.includes('倡议全社会'))
  const monthHeading = doc.indexOf('质量月')
  if (!(6 < enterpriseLead && enterpriseLead < societyLead && societyLead < monthHeading)) {
    fail('group leads or the 质量月 heading are missing or out of order')
  }

  const sectionsOf = (from, to, group) => {
    const part = doc.slice(from + 1, to)
    if (part.length !== 6) fail(`group ${group} should have 3 headed sections`)
    return [0, 2, 4].map((i, n) => {
      const heading = expectLine(part, i, /^[^。]+，[^。]+。$/, 'a section heading')
      return { id: `${group}-${n + 1}`, heading, paragraphs: [part[i + 1]] }
    })
  }

  const proposal = {
    title: `${titleHead}${titleTail}`,
    dateLine,
    intro: doc.slice(6, enterpriseLead),
    groups: [
      { id: 'enterprise', name: '企业界', lead: doc[enterpriseLead], sections: sectionsOf(enterpriseLead, societyLead, 'enterprise') },
      { id: 'society', name: '全社会', lead: doc[societyLead], sections: sectionsOf(societyLead, monthHeading, 'society') },
    ],
  }
  if (proposal.intro.length !== 2) fail('the proposal should open with 2 paragraphs')

  const description = doc.slice(monthHeading + 1)
  if (description.length !== 2) fail('the 质量月 part should have 2 paragraphs')
  const theme = /以“([^”]+)”为主题/.exec(description[0])?.[1] ?? fail('theme not found')

  const news = lines.slice(newsStart).map((line, i) => {
    const m = /^- ([^：]+)：(.+)（(\d{4}-\d{2}-\d{2})）$/.exec(line) ?? fail(`bad news line: ${line}`)
    return { id: `n${i + 1}`, source: m[1], title: m[2], date: m[3] }
  })

  return {
    campaign: { pageTitle, slogans: [slogan1, slogan2], heading: '质量月', theme, description },
    proposal,
    news,
  }
}

const header = '// Generated by scripts/build-content.mjs from the seed document. Do not edit by hand:\n' +
  '// change the script (its CORRECTIONS list holds every reviewed fix) and run `npm run content`.\n'

function render (name, type, value) {
  const typeName = type.replace('[]', '')
  return `${header}import type { ${typeName} } from './types'\n\nexport const ${name}: ${type} = ${JSON.stringify(value, null, 2)}\n`
}

const hantHeader = '// Generated by scripts/build-content.mjs from the content below and src/words. Do not edit by hand: the\n' +
  '// conversions come from OpenCC (simplified → Hong Kong) plus HANT_CORRECTIONS in scripts/hant.mjs.\n' +
  '// Only what differs from the simplified text is stored; src/content/hant.ts applies it.\n'

const wordsHeader = '// Generated by scripts/build-content.mjs from the campaign content. Do not edit by hand: the words\n' +
  '// come from Intl.Segmenter (zh, word granularity, Node\'s full ICU) plus WORD_ADDITIONS in scripts/words.mjs.\n' +
  '// Imported only by src/poster (the poster subpackage), never by the main package.\n'

function main () {
  const { campaign, proposal, news } = parse(normalise(fs.readFileSync(seedPath, 'utf8')))
  const files = {
    'campaign.generated.ts': render('campaign', 'Campaign', campaign),
    'proposal.generated.ts': render('proposal', 'Proposal', proposal),
    'news.generated.ts': render('newsItems', 'NewsItem[]', news),
    'hant.generated.ts': renderHantModule(deriveHantTable([...contentTexts([campaign, proposal, news]), ...wordTexts(path.join(root, 'src/words'))]), hantHeader),
    'words.generated.ts': renderWordsModule(deriveWords(contentTexts([campaign, proposal, news])), wordsHeader),
  }
  const check = process.argv.includes('--check')
  let stale = 0
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(outDir, file)
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null
    if (check) {
      if (current !== text) {
        stale++
        console.error(`src/content/${file} differs from the seed; run npm run content`)
      }
    } else if (current !== text) {
      fs.writeFileSync(target, text)
      console.log(`wrote src/content/${file}`)
    }
  }
  if (stale) process.exit(1)
}

main()
