import type { OrganiserResult } from '@/services/events'
import { ORGANISER_WORDS, type OrganiserWords } from '@/words/organiser'

/** Excel (as used in China) reads a UTF-8 CSV as GBK unless it starts with a BOM. */
const BOM = '\uFEFF'

/**
 * Leading characters that make a spreadsheet read a cell as a formula: = + - @, tab and CR,
 * and the full-width ＝ ＋ － ＠, which width normalisation (NFKC) or a spreadsheet's import
 * may turn into the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/**
 * A cell as CSV: quoted when it holds a comma, quote or line break; and a leading formula
 * character (from a typed company or event name) is defused with an apostrophe.
 */
function csvCell (value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Aggregate counts only (events, companies, totals): no identity, no sharer id, no time of a pledge.
 * Headed and named in `words` (the reader's script).
 */
export function organiserCsv (view: OrganiserResult, words: OrganiserWords['csv'] = ORGANISER_WORDS.csv): string {
  const rows: Array<Array<string | number>> = [
    [...words.header],
    [words.total, words.all, '', '', view.total],
    [words.total, words.viaShares, '', '', view.viaShares],
    ...view.events.map((event) => [words.event, event.name, event.date, event.place, event.count]),
    ...view.companies.map((company) => [words.company, company.company, '', '', company.count]),
  ]
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
