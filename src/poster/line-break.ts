/**
 * Chinese line breaking for posters (kinsoku shori): closing punctuation never starts a line
 * and opening punctuation never ends one; a word of the campaign text (found by Intl.Segmenter
 * at build time, src/content/words.generated.ts), a Latin word or a digit run stays whole unless
 * it alone is wider than the line. Pure: text is measured through the injected function.
 * A paragraph's last line never holds one or two words when re-breaking the lines above it
 * (the fewest lines, balanced among themselves) avoids it.
 */
import { campaignWords } from '@/content/words.generated'

/** Characters that may not begin a line. */
export const NO_LINE_START = new Set([...'，。、：；！？）」』”’》〉】〕…—·%,.:;!?)]}'])
/** Characters that may not end a line. */
export const NO_LINE_END = new Set([...'（「『“‘《〈【〔([{'])

/**
 * Fewest words a paragraph's last line should hold: a word is one CJK character or one Latin
 * word/digit run; punctuation and spaces do not count. A shorter last line ("变革。") is
 * re-broken with the lines above when the punctuation rules, the words and the width allow.
 */
const MIN_LAST_LINE_WORDS = 3

/** Words never broken inside: every occurrence in a text is kept on one line. */
const WORDS = new Set(campaignWords.split(' '))
const LONGEST_WORD = Math.max(...Array.from(WORDS, (word) => Array.from(word).length))

export interface BreakOptions {
  maxLines?: number
  ellipsis?: string
}

type Measure = (s: string) => number

/** Splits into pieces: one CJK character, or a run of Latin letters/digits, or one space. */
function tokens (text: string): string[] {
  return text.match(/[A-Za-z0-9@#&_\-/.:%+]+|\s|[^\sA-Za-z0-9]/gu) ?? []
}

/** Words in a line: tokens holding a letter or digit (CJK characters are letters). */
function wordCount (line: string): number {
  return tokens(line).filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}

/** For each character offset, whether a break before it would split a stored word. */
function insideWord (chars: string[]): boolean[] {
  const inside = chars.map(() => false)
  for (let start = 0; start < chars.length; start++) {
    for (let length = 2; length <= LONGEST_WORD && start + length <= chars.length; length++) {
      if (!WORDS.has(chars.slice(start, start + length).join(''))) continue
      for (let k = start + 1; k < start + length; k++) inside[k] = true
    }
  }
  return inside
}

/** A piece no break may enter, with the spaces before it (a break there swallows them). */
interface Atom { text: string; space: string }

/** The paragraph as atoms: tokens glued by a stored word or by a mark that may not start or end a line. */
function atomsOf (paragraph: string): Atom[] {
  const inside = insideWord(Array.from(paragraph))
  const atoms: Atom[] = []
  let space = ''
  let offset = 0
  for (const token of tokens(paragraph)) {
    const at = offset
    offset += Array.from(token).length
    if (/^\s$/u.test(token)) {
      space += token
      continue
    }
    const last = atoms[atoms.length - 1]
    // A mark keeps to its neighbour across a space too ("1日 · 北京" never starts a line with ·).
    if (last && ((space === '' && inside[at]) || NO_LINE_START.has(token[0]) || NO_LINE_END.has(last.text[last.text.length - 1]))) {
      last.text += space + token
    } else {
      atoms.push({ text: token, space })
    }
    space = ''
  }
  return atoms
}

/** The text of atoms[from, to) on one line. */
function lineOf (atoms: Atom[], from: number, to: number): string {
  return atoms.slice(from, to).map((atom, index) => (index === 0 ? '' : atom.space) + atom.text).join('')
}

/** Greedy lines as atom ranges [from, to); every atom fits the width. */
function greedy (atoms: Atom[], maxWidth: number, measure: Measure): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = 0
  for (let to = 1; to < atoms.length; to++) {
    if (measure(lineOf(atoms, from, to + 1)) > maxWidth) {
      ranges.push([from, to])
      from = to
    }
  }
  ranges.push([from, atoms.length])
  return ranges
}

/**
 * atoms[from, end) in `count` lines that fit, each holding at least MIN_LAST_LINE_WORDS words,
 * with the least sum of squared slack (balanced lines); undefined when there is none.
 */
function balanced (atoms: Atom[], from: number, count: number, maxWidth: number, measure: Measure): Array<[number, number]> | undefined {
  const end = atoms.length
  // cost[k][j]: best cost of atoms[from, j) in k lines; back[k][j]: where its last line starts.
  const cost = Array.from({ length: count + 1 }, () => new Array<number>(end + 1).fill(Infinity))
  const back = Array.from({ length: count + 1 }, () => new Array<number>(end + 1).fill(-1))
  cost[0][from] = 0
  for (let k = 1; k <= count; k++) {
    for (let j = from + 1; j <= end; j++) {
      for (let i = j - 1; i >= from; i--) {
        const line = lineOf(atoms, i, j)
        const width = measure(line)
        if (width > maxWidth) break
        if (cost[k - 1][i] === Infinity || wordCount(line) < MIN_LAST_LINE_WORDS) continue
        const total = cost[k - 1][i] + (maxWidth - width) ** 2
        if (total < cost[k][j]) {
          cost[k][j] = total
          back[k][j] = i
        }
      }
    }
  }
  if (cost[count][end] === Infinity) return undefined
  const ranges: Array<[number, number]> = []
  for (let k = count, j = end; k > 0; j = back[k][j], k--) ranges.unshift([back[k][j], j])
  return ranges
}

/**
 * Re-breaks the fewest last lines (two, then three, …) so that none holds fewer than
 * MIN_LAST_LINE_WORDS words, keeping the line count; the greedy lines when none qualifies.
 */
function avoidWidow (atoms: Atom[], ranges: Array<[number, number]>, maxWidth: number, measure: Measure): Array<[number, number]> {
  const [lastFrom, lastTo] = ranges[ranges.length - 1]
  if (ranges.length < 2 || wordCount(lineOf(atoms, lastFrom, lastTo)) >= MIN_LAST_LINE_WORDS) return ranges
  for (let count = 2; count <= ranges.length; count++) {
    const start = ranges.length - count
    const tail = balanced(atoms, ranges[start][0], count, maxWidth, measure)
    if (tail) return [...ranges.slice(0, start), ...tail]
  }
  return ranges
}

/** Greedy lines when some atom is wider than the line: that atom breaks by token, a wide token by character. */
function breakOverWide (atoms: Atom[], maxWidth: number, measure: Measure): string[] {
  const lines: string[] = []
  let line = ''
  for (const atom of atoms) {
    const joined = line === '' ? atom.text : line + atom.space + atom.text
    if (measure(joined) <= maxWidth) {
      line = joined
      continue
    }
    if (line !== '') lines.push(line)
    line = ''
    for (const token of tokens(atom.text)) {
      if (measure(line + token) <= maxWidth) {
        line += token
        continue
      }
      if (line !== '' && measure(token) <= maxWidth) {
        lines.push(line)
        line = token
        continue
      }
      for (const char of Array.from(token)) {
        if (line !== '' && measure(line + char) > maxWidth) {
          lines.push(line)
          line = ''
        }
        line += char
      }
    }
  }
  lines.push(line)
  return lines
}

/** The paragraph's lines, greedy; with `balance`, a short last line is re-broken as above. */
function breakParagraph (paragraph: string, maxWidth: number, measure: Measure, balance: boolean): string[] {
  const atoms = atomsOf(paragraph)
  if (atoms.length === 0) return ['']
  if (atoms.some((atom) => measure(atom.text) > maxWidth)) return breakOverWide(atoms, maxWidth, measure)
  const ranges = greedy(atoms, maxWidth, measure)
  return (balance ? avoidWidow(atoms, ranges, maxWidth, measure) : ranges).map(([from, to]) => lineOf(atoms, from, to))
}

/**
 * Lines of `text` that fit `maxWidth`; with maxLines, the last kept line ends with an ellipsis.
 * Widow control applies to each paragraph shown whole (not one the ellipsis cuts or ends).
 */
export function breakLines (text: string, maxWidth: number, measure: Measure, options: BreakOptions = {}): string[] {
  const ellipsis = options.ellipsis ?? '…'
  const paragraphs = text.split('\n')
  const greedyLines = paragraphs.map((paragraph) => breakParagraph(paragraph, maxWidth, measure, false))
  const max = options.maxLines
  const total = greedyLines.reduce((sum, lines) => sum + lines.length, 0)
  // Widow control never changes a paragraph's line count, so the cut stays where it was.
  const cut = max !== undefined && total > max ? max : Infinity
  let end = 0
  const lines = paragraphs.flatMap((paragraph, index) => {
    end += greedyLines[index].length
    return end >= cut ? greedyLines[index] : breakParagraph(paragraph, maxWidth, measure, true)
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
