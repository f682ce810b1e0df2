import type { WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const CSV = '活动,承诺数\r\n质量开放日,12\r\n'
const NAME = '质量月承诺统计-2024-09-12.csv'

const loadFiles = (options: WxFakeOptions = {}) => onWeapp(() => import('@/services/files'), options)

test('the CSV is written under wx.env.USER_DATA_PATH and that file is offered to send to a chat', async () => {
  const { fake, exportCsv } = await loadFiles()
  const filePath = `${fake.wx.env.USER_DATA_PATH}/${NAME}`

  await expect(exportCsv(NAME, CSV)).resolves.toBe(true)
  expect(fake.record.files.get(filePath)).toBe(CSV)
  expect(fake.record.sharedFiles).toEqual([{ filePath, fileName: NAME }])
})

test('the chat picker closed without sending: false', async () => {
  const { fake, exportCsv } = await loadFiles({ shareAnswer: 'cancel' })

  await expect(exportCsv(NAME, CSV)).resolves.toBe(false)
  expect(fake.record.sharedFiles).toEqual([])
})

test('a WeChat without shareFileMessage: false', async () => {
  const { exportCsv } = await loadFiles({ lacks: ['shareFileMessage'] })

  await expect(exportCsv(NAME, CSV)).resolves.toBe(false)
})
