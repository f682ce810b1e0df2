import type { WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const load = (options: WxFakeOptions = {}) => onWeapp(() => import('@/services/system-font'), options)

test('systemFontSize is WeChat\'s fontSizeSetting (getAppBaseInfo)', async () => {
  const { systemFontSize } = await load({ fontSizeSetting: 22 })
  expect(systemFontSize()).toBe(22)
})
