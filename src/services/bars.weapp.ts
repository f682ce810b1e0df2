import Taro from '@tarojs/taro'
import { TABS } from './navigation'
import type { BarsService } from './bars-types'

// A title or label that did not take keeps WeChat's (the 简体 one from the page config): worse
// than 繁體, still readable, so nothing is shown for it.
const ignore = () => undefined

export const showTitle: BarsService['showTitle'] = (title) => Taro.setNavigationBarTitle({ title }).then(ignore, ignore)

/** wx.setTabBarItem per item, in app.json's order; WeChat keeps them until the app is closed. */
export const showTabLabels: BarsService['showTabLabels'] = async (labels) => {
  await Promise.all(TABS.map((tab, index) => Taro.setTabBarItem({ index, text: labels[tab] }).then(ignore, ignore)))
}
