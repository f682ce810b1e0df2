// Traditional characters (Hong Kong standard) for the 繁體 reading option, worked out at build
// time so that no second copy of the text ships. build-content.mjs writes the table that
// deriveHantTable() returns to src/content/hant.generated.ts; test/hant.test.ts proves that
// src/content/hant.ts turns every content string into exactly what referenceHant() gives.
import fs from 'node:fs'
import path from 'node:path'
import * as OpenCC from 'opencc-js'

/**
 * Reviewed fixes to OpenCC's output, [wrong, right]. Both are OpenCC segmenting across a word
 * boundary: its phrase list has 新征 → 新徵 and 加注 → 加註, which win over 征程 and 注重.
 * Each entry must match somewhere in the content, so a stale correction fails loudly.
 */
export const HANT_CORRECTIONS = [
  ['新徵程', '新征程'],
  ['更加註重', '更加注重'],
]

/** Keys whose values are identifiers or dates, not text: never converted. */
export const NON_TEXT_KEYS = ['id', 'date', 'url', 'scriptNames']

const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' })

/** What a 繁體 reader should see: OpenCC (simplified → Hong Kong) plus the reviewed fixes. */
export function referenceHant (text) {
  let out = toHongKong(text)
  for (const [wrong, right] of HANT_CORRECTIONS) out = out.split(wrong).join(right)
  return out
}

/** Every string a reader sees in a piece of content (values under NON_TEXT_KEYS left out). */
export function contentTexts (value) {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(contentTexts)
  if (value && typeof value === 'object') {
    return Object.entries(value).filter(([key]) => !NON_TEXT_KEYS.includes(key)).flatMap(([, item]) => contentTexts(item))
  }
  return []
}

/**
 * The interface's own text in src/words/*.ts: every string literal and every fixed stretch of a
 * template literal that has a Chinese character (comment lines left out). Read from the source,
 * so the table needs no TypeScript build; test/hant.test.ts checks every word and template output.
 */
export function wordTexts (dir) {
  const texts = []
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '')
    for (const [, single, template] of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      const pieces = single !== undefined ? [single] : template.split(/\$\{[^}]*\}/)
      texts.push(...pieces.filter((piece) => /\p{Script=Han}/u.test(piece)))
    }
  }
  return texts
}

function fail (message) {
  throw new Error(`hant: ${message}`)
}

const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

/** The same steps as toHant() in src/content/hant.ts: phrases first (longest first), then characters. */
export function applyHantTable ({ chars, phrases }, text) {
  const charMap = new Map(chars)
  const phraseMap = new Map(phrases)
  const convert = (part) => Array.from(part, (ch) => charMap.get(ch) ?? ch).join('')
  if (phrases.length === 0) return convert(text)
  const pattern = new RegExp(`(${phrases.map(([from]) => from).join('|')})`)
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? phraseMap.get(part) : convert(part))).join('')
}

/**
 * The smallest table that reproduces referenceHant() for every text: a character map for each
 * character whose usual conversion in these texts differs from itself, and phrases for the
 * places where a character converts otherwise. A phrase is the shortest stretch around such a
 * place that OpenCC converts the same way on its own and at each of its occurrences.
 */
export function deriveHantTable (texts) {
  const aligned = texts.map((text) => {
    const hans = Array.from(text)
    const hant = Array.from(referenceHant(text))
    if (hans.length !== hant.length) fail(`conversion changes the length of: ${text}`)
    return { hans, hant }
  })
  for (const [wrong, right] of HANT_CORRECTIONS) {
    if (!texts.some((text) => referenceHant(text).includes(right) && toHongKong(text).includes(wrong))) {
      fail(`correction ${wrong} → ${right} no longer matches the content`)
    }
  }

  const counts = new Map()
  for (const { hans, hant } of aligned) {
    hans.forEach((ch, i) => {
      const seen = counts.get(ch) ?? new Map()
      seen.set(hant[i], (seen.get(hant[i]) ?? 0) + 1)
      counts.set(ch, seen)
    })
  }
  // The most frequent conversion; a tie goes to leaving the character as it is, then to the
  // lower code point, so the output never depends on the order of a Map.
  const usual = new Map([...counts].map(([ch, seen]) => {
    const [best] = [...seen].sort((a, b) => b[1] - a[1] || (a[0] === ch ? -1 : b[0] === ch ? 1 : byCodePoint(a[0], b[0])))
    return [ch, best[0]]
  }))

  const joined = aligned.map(({ hans, hant }) => ({ hans: hans.join(''), hant }))
  const convertsAlike = (phrase, out) => joined.every(({ hans, hant }) => {
    for (let at = hans.indexOf(phrase); at >= 0; at = hans.indexOf(phrase, at + 1)) {
      const start = Array.from(hans.slice(0, at)).length
      if (hant.slice(start, start + Array.from(phrase).length).join('') !== out) return false
    }
    return true
  })

  const phrases = new Map()
  for (const { hans, hant } of aligned) {
    hans.forEach((ch, i) => {
      if (hant[i] === usual.get(ch)) return
      for (let length = 2; length <= hans.length; length++) {
        for (let start = Math.max(0, i - length + 1); start <= i && start + length <= hans.length; start++) {
          const phrase = hans.slice(start, start + length).join('')
          const out = hant.slice(start, start + length).join('')
          if (referenceHant(phrase) === out && convertsAlike(phrase, out)) {
            phrases.set(phrase, out)
            return
          }
        }
      }
      fail(`no phrase reproduces ${ch} → ${hant[i]} in: ${hans.join('')}`)
    })
  }

  const table = {
    chars: [...usual].filter(([ch, out]) => ch !== out).sort((a, b) => byCodePoint(a[0], b[0])),
    phrases: [...phrases].sort((a, b) => Array.from(b[0]).length - Array.from(a[0]).length || byCodePoint(a[0], b[0])),
  }
  for (const text of texts) {
    const got = applyHantTable(table, text)
    if (got !== referenceHant(text)) fail(`the table gives ${got} for ${text}, OpenCC ${referenceHant(text)}`)
  }
  return table
}

/** src/content/hant.generated.ts: the pairs as one string, 20 to a line, then the phrases. */
export function renderHantModule ({ chars, phrases }, header) {
  const lines = []
  for (let i = 0; i < chars.length; i += 20) {
    lines.push(`  '${chars.slice(i, i + 20).map(([from, to]) => from + to).join('')}'`)
  }
  return `${header}
/**
 * Simplified → traditional (Hong Kong standard), two characters per entry, for each character
 * that converts the same way everywhere in src/content (characters that stay as they are are
 * left out).
 */
export const HANT_CHARS =
${lines.join(' +\n') || "  ''"}

/** Where a character converts otherwise: whole phrases, longest first, applied before HANT_CHARS. */
export const HANT_PHRASES: readonly (readonly [string, string])[] = [
${phrases.map(([from, to]) => `  ['${from}', '${to}'],`).join('\n')}
]
`
}
