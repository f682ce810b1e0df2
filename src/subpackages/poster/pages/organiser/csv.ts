import type { OrganiserResult } from '@/services/events'

/** Excel (as used in China) reads a UTF-8 CSV as GBK unless it starts with a BOM. */
const BOM = '\uFEFF'
export const CSV_HEADER = ['类别', '名称', '日期', '地点', '承诺人数'] as const

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
export function csvCell (value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Aggregate counts only (events, companies, totals): no identity, no sharer id, no time of a pledge. */
export function organiserCsv (view: OrganiserResult): string {
  const rows: Array<Array<string | number>> = [
    [...CSV_HEADER],
    ['合计', '全部承诺', '', '', view.total],
    ['合计', '经分享链接或海报', '', '', view.viaShares],
    ...view.events.map((event) => ['活动', event.name, event.date, event.place, event.count]),
    ...view.companies.map((company) => ['单位', company.company, '', '', company.count]),
  ]
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
