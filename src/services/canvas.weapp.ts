import Taro from '@tarojs/taro'
import type { RenderTarget } from '@/poster/render'
import type { PosterCanvas } from './canvas-types'

const ALBUM_SCOPE = 'scope.writePhotosAlbum'

export const posterCanvas: PosterCanvas = {
  // https://developers.weixin.qq.com/miniprogram/dev/api/canvas/Canvas.html
  canvasNode (id) {
    return new Promise((resolve, reject) => {
      Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec((res) => {
        const node = res?.[0]?.node as RenderTarget | undefined
        if (node) resolve(node)
        else reject(new Error(`找不到画布 #${id}`))
      })
    })
  },

  pixelRatio () {
    return Taro.getWindowInfo().pixelRatio
  },

  async exportImage (canvas) {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' })
    return tempFilePath
  },

  // https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/authorize.html
  async saveImage (image) {
    const { authSetting } = await Taro.getSetting()
    if (authSetting[ALBUM_SCOPE] === false) {
      // Denied before: WeChat will not ask again; only the settings page (opened from a tap) can.
      const { confirm } = await Taro.showModal({
        title: '需要相册权限',
        content: '保存海报需要允许保存到相册，请在设置中打开。',
        confirmText: '去设置',
      })
      if (!confirm) return false
      const { authSetting: after } = await Taro.openSetting()
      if (!after[ALBUM_SCOPE]) return false
    }
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: image })
      return true
    } catch {
      return false
    }
  },
}
