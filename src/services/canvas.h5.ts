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
}
