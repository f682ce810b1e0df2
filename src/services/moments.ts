import { launchScene } from './launch'

/**
 * A page shared to Moments opens in WeChat's single-page mode (scene 1154): no login, so no cloud
 * calls; no navigation, album or open-type buttons. Such a page shows its own content and points
 * to the “前往小程序” bar WeChat draws at the bottom.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share-timeline.html
 */
export const MOMENTS_SINGLE_PAGE_SCENE = 1154

export function inMomentsSinglePage (): boolean {
  return launchScene() === MOMENTS_SINGLE_PAGE_SCENE
}
