import type { RenderTarget } from '@/poster/render'

/** What each twin (canvas.weapp.ts / canvas.h5.ts) provides for drawing and saving posters. */
export interface PosterCanvas {
  /** The Canvas 2D node behind a `<Canvas type='2d' id=…>` on the current page. */
  canvasNode (id: string): Promise<RenderTarget>
  pixelRatio (): number
  /** A file path (weapp) or data URL (H5) of what the canvas shows. */
  exportImage (canvas: RenderTarget): Promise<string>
  /** Saves the image where people keep pictures; resolves false if they declined. */
  saveImage (image: string, fileName: string): Promise<boolean>
  /** Whether shareImage can hand the image to friends here (WeChat: yes; browsers: Web Share with files). */
  canShareImage (): boolean
  /** Offers the image to send to a friend; resolves false if that did not happen. */
  shareImage (image: string, fileName: string): Promise<boolean>
}
