import type { RenderTarget } from '@/poster/render'
import type { PosterCanvas } from './canvas-types'

/**
 * How long to wait for a canvas to appear. Taro's H5 <Canvas> is a web component that renders its
 * real <canvas> a moment after React mounts it; under load a page's first effect can run before.
 */
export const CANVAS_READY_MS = 3000
const CANVAS_POLL_MS = 16

function innerCanvas (id: string): HTMLCanvasElement | null {
  const host = document.getElementById(id)
  return host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas') ?? null
}

export const posterCanvas: PosterCanvas = {
  savesTo: 'download',
  drawnIn: 'browser',

  async canvasNode (id) {
    const deadline = Date.now() + CANVAS_READY_MS
    for (;;) {
      const canvas = innerCanvas(id)
      if (canvas) return canvas as RenderTarget
      if (Date.now() >= deadline) throw new Error(`No canvas #${id}`)
      await new Promise((resolve) => setTimeout(resolve, CANVAS_POLL_MS))
    }
  },

  pixelRatio () {
    return window.devicePixelRatio || 1
  },

  // Safari (iOS) caps a canvas at 16,777,216 px in all; mobile browsers' textures commonly at
  // 8192 px a side. Larger devices' limits are found by drawing (draw.ts).
  canvasLimits () {
    return { side: 8192, area: 16_777_216 }
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
