/** @jest-environment node */
import { organiserCsv } from '@/subpackages/poster/pages/organiser/csv'
import { toHantDeep } from '@/content/hant'
import { ORGANISER_WORDS } from '@/words/organiser'

const view = {
  total: 12,
  viaShares: 3,
  generatedAt: '2024-09-23T08:00:00.000Z',
  hidden: [],
  events: [{ id: 'a1b2c3d4', scene: 'e:a1b2c3d4', name: '质量月, 主题 "开放日"', date: '2024-09-23', place: '北京', count: 5 }],
  companies: [{ company: '=HYPERLINK("http://x")', count: 2 }, { company: '示范企业', count: 1 }],
}

test('starts with a BOM and the header, one row per total, event and company', () => {
  const csv = organiserCsv(view)
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const lines = csv.slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toBe('类别,名称,日期,地点,承诺人数')
  expect(lines).toHaveLength(1 + 2 + view.events.length + view.companies.length)
  expect(lines).toContain('合计,全部承诺,,,12')
  expect(lines).toContain('活动,"质量月, 主题 ""开放日""",2024-09-23,北京,5')
  expect(lines).toContain('单位,示范企业,,,1')
})

/** The CSV's row for one company named `name` (a name is typed by whoever pledges). */
const companyRow = (name: string) => {
  const csv = organiserCsv({ ...view, events: [], companies: [{ company: name, count: 1 }] })
  return csv.slice(1).split('\r\n').filter(Boolean).at(-1)
}

test('a formula typed as a company name is defused; a negative count is a number, left alone', () => {
  expect(organiserCsv(view)).toContain(`单位,"'=HYPERLINK(""http://x"")",,,2`)
  expect(organiserCsv({ ...view, total: -3 })).toContain('合计,全部承诺,,,-3\r\n')
})

test.each(['=', '+', '-', '@', '＝', '＋', '－', '＠'])('a name starting with %s gets an apostrophe', (lead) => {
  expect(companyRow(`${lead}1+1`)).toBe(`单位,'${lead}1+1,,,1`)
  expect(companyRow(`${lead}SUM(A1:A9)`)).toBe(`单位,'${lead}SUM(A1:A9),,,1`)
})

test('a name starting with a tab gets an apostrophe; one starting with a CR, the apostrophe and quotes', () => {
  expect(companyRow('\t=1+1')).toBe(`单位,'\t=1+1,,,1`)
  expect(organiserCsv({ ...view, events: [], companies: [{ company: '\r=1+1', count: 1 }] })).toContain(`单位,"'\r=1+1",,,1\r\n`)
})

test('the same characters inside a name are left alone', () => {
  expect(companyRow('质量＝生命')).toBe('单位,质量＝生命,,,1')
  expect(companyRow('A+B 公司')).toBe('单位,A+B 公司,,,1')
})

test('carries no event id, scene, sharer or time: aggregate counts only', () => {
  const csv = organiserCsv(view)
  expect(csv).not.toMatch(/a1b2c3d4|e:|s:|T08:00/)
})

test('in the reader\'s script: 繁體 headings and row names, the names as typed', () => {
  const csv = organiserCsv(view, toHantDeep(ORGANISER_WORDS.csv))
  const lines = csv.slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toBe('類別,名稱,日期,地點,承諾人數')
  expect(lines).toContain('合計,全部承諾,,,12')
  expect(lines).toContain('單位,示范企业,,,1')
})
