import Taro from '@tarojs/taro'
import { openTab } from './navigation'
import type { WayBackService } from './way-back-types'

/**
 * The browser shows no navigation bar (index.html hides Taro's), so every page that is not a tab
 * shows its own way back: to the page below when this app opened one (Taro's page stack), else to
 * 首页. Never the browser's history beyond the app: with one page in Taro's stack, navigateBack
 * would reload it (history.go(0)), and going further back would leave the app.
 */
export const wayBack: WayBackService['wayBack'] = () => {
  if (Taro.getCurrentPages().length > 1) {
    return { to: 'back', go: () => Taro.navigateBack().then(() => true, () => false) }
  }
  return { to: 'home', go: () => openTab('home') }
}
