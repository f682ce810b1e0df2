/** @jest-environment node */
import { formatFullDate, formatMonthDay, isIsoDate } from '@/utils/format-date'

const INVALID = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '', 'abc', '2024-9-1', '2024-09-23T08:00', ' 2024-09-23']

describe('formatMonthDay', () => {
  test('writes month and day the way the news list shows them', () => {
    expect(formatMonthDay('2024-09-23')).toBe('9月23日')
  })

  test('drops leading zeros', () => {
    expect(formatMonthDay('2024-09-05')).toBe('9月5日')
    expect(formatMonthDay('2024-10-01')).toBe('10月1日')
  })
})

describe('formatFullDate', () => {
  test('writes year, month and day', () => {
    expect(formatFullDate('2024-09-23')).toBe('2024年9月23日')
    expect(formatFullDate('2024-02-29')).toBe('2024年2月29日')
  })
})

describe('isIsoDate', () => {
  test('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-09-23')).toBe(true)
    expect(isIsoDate('2024-02-29')).toBe(true)
  })

  test.each(INVALID)('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false)
  })
})

describe('invalid input', () => {
  test.each(INVALID)('%j is a RangeError with a Chinese message, not a wrong date', (value) => {
    expect(() => formatMonthDay(value)).toThrow(RangeError)
    expect(() => formatFullDate(value)).toThrow(RangeError)
    expect(() => formatFullDate(value)).toThrow(`不是有效的日期：${value}`)
  })
})
