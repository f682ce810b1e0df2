/**
 * Chinese line breaking for posters (kinsoku shori): closing punctuation never starts a line
 * and opening punctuation never ends one; Latin words and digit runs stay whole unless a
 * single one is wider than the line. Pure: text is measured through the injected function.
 */

/** Characters that may not begin a line. */
export const NO_LINE_START = new Set([...'，。、：；！？）」』”’》〉】〕…—·%,.:;!?)]}'])
/** Characters that may not end a line. */
export const NO_LINE_END = new Set([...'（「『“‘《〈【〔([{'])

export interface BreakOptions {
  maxLines?: number
  ellipsis?: string
}

/** Splits into unbreakable pieces: one CJK character, or a run of Latin letters/digits, or one space. */
function tokens (text: string): string[] {
  return text.match(/[A-Za-z0-9@#&_\-/.:%+]+|\s|[^\sA-Za-z0-9]/gu) ?? []
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
      // Pull the last character down with the closing mark rather than start a line with it
      // (more than one when that character is itself a closing mark, as in 。”).
      const chars = Array.from(line)
      let carried = chars.pop() ?? ''
      while (chars.length > 1 && NO_LINE_START.has(carried[0])) carried = chars.pop() + carried
      line = chars.join('')
      if (line !== '') push()
      line = carried + token
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

/** Lines of `text` that fit `maxWidth`; with maxLines, the last kept line ends with an ellipsis. */
export function breakLines (text: string, maxWidth: number, measure: (s: string) => number, options: BreakOptions = {}): string[] {
  const ellipsis = options.ellipsis ?? '…'
  const lines = text.split('\n').flatMap((paragraph) => breakParagraph(paragraph, maxWidth, measure))
  const max = options.maxLines
  if (max === undefined || lines.length <= max) return lines
  const kept = lines.slice(0, max)
  const last = Array.from(kept[max - 1])
  while (last.length > 0 && measure(last.join('') + ellipsis) > maxWidth) last.pop()
  // Never end on an opening mark or trailing punctuation just before the ellipsis.
  while (last.length > 0 && (NO_LINE_END.has(last[last.length - 1]) || NO_LINE_START.has(last[last.length - 1]))) last.pop()
  kept[max - 1] = last.join('') + ellipsis
  return kept
}
