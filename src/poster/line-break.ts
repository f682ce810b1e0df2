/**
 * Chinese line breaking for posters (kinsoku shori): closing punctuation never starts a line
 * and opening punctuation never ends one; Latin words and digit runs stay whole unless a
 * single one is wider than the line. Pure: text is measured through the injected function.
 * The last line of a paragraph is kept from holding a lone character (widow control).
 */

/** Characters that may not begin a line. */
export const NO_LINE_START = new Set([...'，。、：；！？）」』”’》〉】〕…—·%,.:;!?)]}'])
/** Characters that may not end a line. */
export const NO_LINE_END = new Set([...'（「『“‘《〈【〔([{'])

/**
 * Fewest words a paragraph's last line should hold: a word is one CJK character or one Latin
 * word/digit run; punctuation and spaces do not count. A shorter last line ("革。") takes
 * characters from the line above when the punctuation rules and the width allow.
 */
const MIN_LAST_LINE_CHARS = 2

export interface BreakOptions {
  maxLines?: number
  ellipsis?: string
}

/** Splits into unbreakable pieces: one CJK character, or a run of Latin letters/digits, or one space. */
function tokens (text: string): string[] {
  return text.match(/[A-Za-z0-9@#&_\-/.:%+]+|\s|[^\sA-Za-z0-9]/gu) ?? []
}

/** Words in a line: tokens holding a letter or digit (CJK characters are letters). */
function wordCount (line: string): number {
  return tokens(line).filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}

/**
 * Moves the fewest tokens from the end of the line above down to a last line holding fewer
 * than MIN_LAST_LINE_CHARS words, keeping both lines within the width, the punctuation rules,
 * and at least MIN_LAST_LINE_CHARS words above. The greedy lines when no move qualifies.
 */
function avoidWidow (paragraph: string, lines: string[], maxWidth: number, measure: (s: string) => number): string[] {
  if (lines.length < 2) return lines
  const last = lines[lines.length - 1]
  const prev = lines[lines.length - 2]
  if (wordCount(last) >= MIN_LAST_LINE_CHARS) return lines
  // The lines are the paragraph's own text minus the spaces a break swallowed: find that gap.
  const whole = paragraph.trimEnd()
  const head = whole.slice(0, whole.length - last.length)
  if (last === '' || !whole.endsWith(last) || !head.trimEnd().endsWith(prev)) return lines
  const gap = head.slice(head.trimEnd().length)
  const pieces = tokens(prev)
  for (let keep = pieces.length - 1; keep > 0; keep--) {
    const above = pieces.slice(0, keep).join('').trimEnd()
    const below = (pieces.slice(keep).join('') + gap + last).trimStart()
    if (measure(below) > maxWidth) break
    if (wordCount(below) < MIN_LAST_LINE_CHARS) continue
    if (wordCount(above) < MIN_LAST_LINE_CHARS) break
    if (NO_LINE_START.has(below[0]) || NO_LINE_END.has(above[above.length - 1]) || measure(above) > maxWidth) continue
    return [...lines.slice(0, -2), above, below]
  }
  return lines
}

function breakParagraph (text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  const push = () => {
    lines.push(line.trimEnd())
    line = ''
  }
  for (const token of tokens(text)) {
    if (line === '' && /^\s$/u.test(token)) continue
    if (measure(line + token) <= maxWidth) {
      line += token
      continue
    }
    if (line !== '' && NO_LINE_START.has(token[0])) {
      // Pull the last word (one CJK character, or a whole Latin word) down with the closing
      // mark rather than start a line with it; more than one when it is itself a closing
      // mark, as in 。”. A Latin word too wide to go with the mark gives up its last letter only.
      const pieces = tokens(line)
      let carried = pieces.pop() ?? ''
      while (pieces.length > 1 && (NO_LINE_START.has(carried[0]) || /^\s/u.test(carried))) carried = pieces.pop() + carried
      if (measure(carried.trimStart() + token) > maxWidth && Array.from(carried).length > 1) {
        const letters = Array.from(carried)
        carried = letters.pop() ?? ''
        pieces.push(letters.join(''))
      }
      line = pieces.join('')
      if (line !== '') push()
      line = carried.trimStart() + token
      continue
    }
    if (line !== '') {
      const chars = Array.from(line)
      // An opening mark moves to the next line with what it opens.
      let carried = ''
      while (chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1])) carried = chars.pop() + carried
      line = chars.join('')
      push()
      line = carried
    }
    if (measure(line + token) <= maxWidth) {
      line += token
      continue
    }
    // A single word wider than the line: break it by character.
    for (const char of Array.from(token)) {
      if (line !== '' && measure(line + char) > maxWidth) push()
      line += char
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd())
  return lines
}

/**
 * Lines of `text` that fit `maxWidth`; with maxLines, the last kept line ends with an ellipsis.
 * Widow control applies to each paragraph shown whole (not one the ellipsis cuts or ends).
 */
export function breakLines (text: string, maxWidth: number, measure: (s: string) => number, options: BreakOptions = {}): string[] {
  const ellipsis = options.ellipsis ?? '…'
  const paragraphs = text.split('\n').map((paragraph) => ({ paragraph, lines: breakParagraph(paragraph, maxWidth, measure) }))
  const max = options.maxLines
  const total = paragraphs.reduce((sum, { lines }) => sum + lines.length, 0)
  // Widow control never changes a paragraph's line count, so the cut stays where it was.
  const cut = max !== undefined && total > max ? max : Infinity
  let end = 0
  const lines = paragraphs.flatMap(({ paragraph, lines: greedy }) => {
    end += greedy.length
    return end >= cut ? greedy : avoidWidow(paragraph, greedy, maxWidth, measure)
  })
  if (max === undefined || lines.length <= max) return lines
  const kept = lines.slice(0, max)
  const last = Array.from(kept[max - 1])
  while (last.length > 0 && measure(last.join('') + ellipsis) > maxWidth) last.pop()
  // Never end on an opening mark or trailing punctuation just before the ellipsis.
  while (last.length > 0 && (NO_LINE_END.has(last[last.length - 1]) || NO_LINE_START.has(last[last.length - 1]))) last.pop()
  kept[max - 1] = last.join('') + ellipsis
  return kept
}
