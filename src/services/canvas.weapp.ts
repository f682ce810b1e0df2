import Taro from '@tarojs/taro'
import { codePagePath } from '@shared/scene'
import type { RenderTarget } from '@/poster/render'
import { wordsNow } from '@/words'
import { POSTER_WORDS } from '@/words/poster'
import { mySharerScene } from './attribution'
import type { PosterCanvas } from './canvas-types'
import { privacy } from './privacy'

const ALBUM_SCOPE = 'scope.writePhotosAlbum'

export const posterCanvas: PosterCanvas = {
  savesTo: 'album',
  drawnIn: 'wechat',

  // https://developers.weixin.qq.com/miniprogram/dev/api/canvas/Canvas.html
  canvasNode (id) {
    return new Promise((resolve, reject) => {
      Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec((res) => {
        const node = res?.[0]?.node as RenderTarget | undefined
        if (node) resolve(node)
        else reject(new Error(`No canvas #${id}`))
      })
    })
  },

  pixelRatio () {
    return Taro.getWindowInfo().pixelRatio
  },

  // WeChat documents no maximum for Canvas 2D; phones' GPUs commonly cap a side at 4096 px, and
  // iOS caps a canvas at 16,777,216 px (4096²). Android fails canvasToTempFilePath beyond its own.
  canvasLimits () {
    return { side: 4096, area: 4096 * 4096 }
  },

  async exportImage (canvas) {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' })
    return tempFilePath
  },

  async saveImage (image) {
    // The album is privacy-scoped: consent first, through the page's dialog, so that declining it
    // reads as "not saved" rather than as a missing album permission.
    if (!(await privacy.requireConsent())) return false
    if (!(await albumAllowed())) return false
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: image })
      return true
    } catch {
      return false
    }
  },

  canShareImage () {
    return true
  },

  // https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.showShareImageMenu.html
  async shareImage (image) {
    try {
      // Taro's Option type predates entrancePath (base library 3.2.0); WeChat reads it.
      if (Taro.canIUse('showShareImageMenu')) await Taro.showShareImageMenu({ path: image, entrancePath: entrancePath() } as Taro.showShareImageMenu.Option)
      // Older WeChat: the preview's long-press menu offers send, save and favourite.
      else await Taro.previewImage({ urls: [image], current: image, showmenu: true })
      return true
    } catch {
      // Closing the share menu without choosing anyone lands here too.
      return false
    }
  },
}

/**
 * Where the mini-program entrance on a shared image opens (base library ≥ 3.8.2 shows one by
 * default, opening the page it was shared from): the pledge page, credited to me, as my code does.
 */
function entrancePath () {
  return codePagePath(mySharerScene())
}

// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/authorize.html
async function albumAllowed (): Promise<boolean> {
  const { authSetting } = await Taro.getSetting()
  if (authSetting[ALBUM_SCOPE] === true) return true
  if (authSetting[ALBUM_SCOPE] === undefined) {
    try {
      await Taro.authorize({ scope: ALBUM_SCOPE })
      return true
    } catch {
      // Declined just now: WeChat will not ask again, so explain and offer the settings page.
    }
  }
  // openSetting only opens from a tap: the dialog's confirm button is that tap.
  const { album } = wordsNow(POSTER_WORDS)
  const { confirm } = await Taro.showModal({ title: album.title, content: album.body, confirmText: album.settings })
  if (!confirm) return false
  const { authSetting: after } = await Taro.openSetting()
  return after[ALBUM_SCOPE] === true
}
