import type { RenderTarget } from '@/poster/render'
import type { PosterCanvas } from './canvas-types'

export const posterCanvas: PosterCanvas = {
  async canvasNode (id) {
    // Taro's H5 <Canvas> is a web component wrapping a real <canvas>.
    const host = document.getElementById(id)
    const canvas = host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas')
    if (!canvas) throw new Error(`找不到画布 #${id}`)
    return canvas as RenderTarget
  },

  pixelRatio () {
    return window.devicePixelRatio || 1
  },

  async exportImage (canvas) {
    return (canvas as HTMLCanvasElement).toDataURL('image/png')
  },

  async saveImage (image, fileName) {
    const link = document.createElement('a')
    link.href = image
    link.download = fileName
    link.click()
    return true
  },

  canShareImage () {
    return typeof navigator.canShare === 'function'
  },

  async shareImage (image, fileName) {
    const blob = await (await fetch(image)).blob()
    const file = new File([blob], fileName, { type: blob.type })
    if (!navigator.canShare?.({ files: [file] })) return false
    try {
      await navigator.share({ files: [file] })
      return true
    } catch {
      // The person closed the share sheet.
      return false
    }
  },
}
