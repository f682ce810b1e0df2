// Word boundaries for poster line breaking, worked out at build time: WeChat has no
// Intl.Segmenter, so build-content.mjs runs Node's (full ICU) over the campaign text and writes
// the multi-character words it finds to src/content/words.generated.ts. src/poster/line-break.ts
// never breaks inside any of them, so any poster text made of campaign phrases keeps its words
// whole, while text the campaign never wrote (a typed name) breaks by character as before.
// test/poster-line-break.test.ts recomputes the list with Intl.Segmenter and walks every poster.

/**
 * Reviewed words ICU's dictionary splits, each [word, why]. Each must occur in the text and must
 * not already be found by the segmenter, so a stale entry fails loudly.
 */
export const WORD_ADDITIONS = [
  ['着力', 'ICU segments 着|力; the gold poster broke the heading there'],
]

const HAN_WORD = /^\p{Script=Han}{2,}$/u

function fail (message) {
  throw new Error(`words: ${message}`)
}

const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

/** Multi-character Han words Intl.Segmenter('zh') finds in the texts, sorted, each once. */
export function segmenterWords (texts) {
  if (typeof Intl.Segmenter !== 'function') fail('this Node has no Intl.Segmenter (full ICU is needed)')
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
  const words = new Set()
  for (const text of texts) {
    for (const { segment, isWordLike } of segmenter.segment(text)) {
      if (isWordLike && HAN_WORD.test(segment)) words.add(segment)
    }
  }
  return [...words].sort(byCodePoint)
}

/** The segmenter's words plus WORD_ADDITIONS, sorted: what words.generated.ts stores. */
export function deriveWords (texts) {
  const found = segmenterWords(texts)
  const words = new Set(found)
  for (const [word] of WORD_ADDITIONS) {
    if (!HAN_WORD.test(word)) fail(`addition ${word} is not a run of Han characters`)
    if (!texts.some((text) => text.includes(word))) fail(`addition ${word} no longer occurs in the content`)
    if (words.has(word)) fail(`addition ${word} is now found by the segmenter: remove it`)
    words.add(word)
  }
  return [...words].sort(byCodePoint)
}

/** The module text: one space-separated string, the smallest form for the poster bundle. */
export function renderWordsModule (words, header) {
  return `${header}\n/** Multi-character words of the campaign text, space-separated, sorted by code point. */\n` +
    `export const campaignWords = '${words.join(' ')}'\n`
}
