import Taro from '@tarojs/taro'
import type { SystemFontService } from './system-font-types'

// https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getAppBaseInfo.html
// (WeChat documents fontSizeSetting there; Taro's type for it lacks the field.)
export const systemFontSize: SystemFontService['systemFontSize'] = () =>
  (Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting ?? null
