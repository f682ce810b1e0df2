import Taro from '@tarojs/taro'
import { inMomentsSinglePage } from './moments'
import { openTab } from './navigation'
import type { WayBackService } from './way-back-types'

/**
 * WeChat's navigation bar has a back button whenever a page is below this one. A page opened first
 * (a shared card, a code) has none: from WeChat 7.0.7 the bar shows a small home icon there, which
 * is easy to miss, so the page shows 返回首页 itself. Moments' single-page mode cannot navigate.
 * https://developers.weixin.qq.com/miniprogram/dev/reference/api/getCurrentPages.html
 * https://developers.weixin.qq.com/miniprogram/dev/api/ui/navigation-bar/wx.hideHomeButton.html
 */
export const wayBack: WayBackService['wayBack'] = () => {
  if (inMomentsSinglePage() || Taro.getCurrentPages().length > 1) return null
  return { to: 'home', go: () => openTab('home') }
}
