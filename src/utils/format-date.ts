// The only module that imports dayjs, so the locale is set once.
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function parse (isoDate: string) {
  const date = dayjs(isoDate)
  if (!ISO_DATE.test(isoDate) || !date.isValid() || date.format('YYYY-MM-DD') !== isoDate) {
    throw new RangeError(`不是有效的日期：${isoDate}`)
  }
  return date
}

/** "2024-09-23" → "9月23日", as news lists show dates. */
export function formatMonthDay (isoDate: string) {
  return parse(isoDate).format('M月D日')
}

/** "2024-09-23" → "2024年9月23日". */
export function formatFullDate (isoDate: string) {
  return parse(isoDate).format('YYYY年M月D日')
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate (value: string) {
  try {
    parse(value)
    return true
  } catch {
    return false
  }
}
