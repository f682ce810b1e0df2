/** Poster templates are data: elements in poster units (750 wide), drawn by render.ts. */

/** Fonts the renderer asks for, Chinese first: PingFang on iOS, Noto on Android/Linux, YaHei on Windows. */
export const POSTER_FONT_FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

export type Fill = string | {
  type: 'linear'
  /** Degrees: 0 = left→right, 90 = top→bottom. */
  angle: number
  stops: Array<{ offset: number; color: string }>
}

export interface RectElement { type: 'rect'; x: number; y: number; width: number; height: number; fill: Fill; radius?: number }

export interface TextElement {
  type: 'text'
  x: number
  /** Top of the first line. */
  y: number
  text: string
  fontSize: number
  fontWeight?: 'normal' | 'bold'
  color: string
  align?: 'left' | 'center' | 'right'
  /** Lines wrap within this width; x is the left edge, centre or right edge per align. */
  maxWidth: number
  maxLines?: number
  /** Multiple of fontSize; default 1.5. */
  lineHeight?: number
}

/** Where the renderer draws the app's QR code (H5) or mini-program code (weapp). */
export interface CodeElement { type: 'code'; x: number; y: number; size: number; label?: string }

export type PosterElement = RectElement | TextElement | CodeElement

export interface PosterTemplate {
  id: string
  /** Shown in the gallery. */
  name: string
  width: number
  height: number
  background: Fill
  elements: PosterElement[]
}

export interface PosterData {
  nickname?: string
  company?: string
  /** 承诺编号 (unique, not a rank): from the server, never computed on the client. */
  number: number
  /** ISO date or timestamp of the pledge. */
  date: string
}
