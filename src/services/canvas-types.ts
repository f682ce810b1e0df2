import type { RenderTarget } from '@/poster/render'

/** The largest canvas a platform is known to hold: pixels per side and pixels in all. */
export interface CanvasLimits {
  side: number
  area: number
}

/** What each twin (canvas.weapp.ts / canvas.h5.ts) provides for drawing and saving posters. */
export interface PosterCanvas {
  /**
   * Where saveImage puts the image, which the words around it name (src/words/poster.ts): the
   * phone's album (WeChat) or a downloaded file (browsers).
   */
  readonly savesTo: 'album' | 'download'
  /** What to update when Canvas 2D is missing, which the words name: WeChat (too old) or the browser. */
  readonly drawnIn: 'wechat' | 'browser'
  /** The Canvas 2D node behind a `<Canvas type='2d' id=…>` on the current page. */
  canvasNode (id: string): Promise<RenderTarget>
  pixelRatio (): number
  /**
   * The largest canvas this platform is known to draw and export; posters saved larger fall back
   * below it (subpackages/poster/draw.ts), and below what a device turns out to hold.
   */
  canvasLimits (): CanvasLimits
  /** A file path (weapp) or data URL (H5) of what the canvas shows. */
  exportImage (canvas: RenderTarget): Promise<string>
  /** Saves the image where people keep pictures; resolves false if they declined. */
  saveImage (image: string, fileName: string): Promise<boolean>
  /** Whether shareImage can hand the image to friends here (WeChat: yes; browsers: Web Share with files). */
  canShareImage (): boolean
  /** Offers the image to send to a friend; resolves false if that did not happen. */
  shareImage (image: string, fileName: string): Promise<boolean>
}
