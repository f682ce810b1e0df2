/** Poster templates are data: elements in poster units (750 wide), drawn by render.ts. */

/** Fonts the renderer asks for, Chinese first: PingFang on iOS, Noto on Android/Linux, YaHei on Windows. */
export const POSTER_FONT_FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

/** The subset of CanvasRenderingContext2D the renderer uses (weapp's context matches it). */
export type PosterContext = Pick<CanvasRenderingContext2D,
  'fillRect' | 'fillText' | 'measureText' | 'save' | 'restore' | 'beginPath' | 'closePath' | 'clip' | 'fill' |
  'moveTo' | 'lineTo' | 'arc' | 'arcTo' | 'stroke' | 'translate' | 'rotate' |
  'createLinearGradient' | 'drawImage' | 'setTransform' | 'clearRect' | 'strokeRect'
> & {
  font: string
  fillStyle: string | CanvasGradient | CanvasPattern
  strokeStyle: string | CanvasGradient | CanvasPattern
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  lineWidth: number
  globalAlpha: number
}

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

/**
 * A red seal (印章) of two or four characters, read top to bottom and right to left as a seal is;
 * the characters must come from the campaign document. x, y is the seal's top-left corner.
 */
export interface SealElement {
  type: 'seal'
  x: number
  y: number
  size: number
  text: string
  shape?: 'square' | 'round'
  /** The seal's red. */
  color: string
  /** The characters and inner border: the paper showing through. */
  ink: string
  /** Degrees clockwise, a stamped seal's slight tilt. */
  rotate?: number
}

/** A ribbon across the poster: a band with swallow-tail notches `notch` deep at both ends. */
export interface BandElement { type: 'band'; x: number; y: number; width: number; height: number; fill: Fill; notch?: number }

/** One or two very large, faint characters behind the text; x is the centre, y the top. */
export interface WatermarkElement {
  type: 'watermark'
  x: number
  y: number
  text: string
  fontSize: number
  color: string
  /** 0–1; keep it low (≤ 0.12) so text on top keeps its contrast. */
  opacity: number
  rotate?: number
}

/** A field of thin lines or dots drawn as paths, clipped to its box: grid, diagonal hatching, dots or 祥云-like clouds. */
export interface PatternElement {
  type: 'pattern'
  kind: 'grid' | 'hatch' | 'dots' | 'cloud'
  x: number
  y: number
  width: number
  height: number
  color: string
  /** Distance between lines, dots or cloud motifs. */
  spacing: number
  opacity?: number
}

/**
 * A picture passed in at draw time (`PosterAssets[asset]`), fitted inside the box keeping its
 * shape; without the asset nothing is drawn, not even the backing.
 */
export interface ImageElement {
  type: 'image'
  asset: 'signature'
  x: number
  y: number
  width: number
  height: number
  /** A card under the picture, so dark ink reads on any poster colour. */
  backing?: string
  /** A hairline under the picture (a signature line). */
  rule?: string
}

export type DecorElement = SealElement | BandElement | WatermarkElement | PatternElement

export type PosterElement = RectElement | TextElement | CodeElement | DecorElement | ImageElement

export interface PosterTemplate {
  id: string
  /** Shown in the gallery. */
  name: string
  width: number
  height: number
  background: Fill
  elements: PosterElement[]
}

interface PosterPerson {
  nickname?: string
  company?: string
  /** 承诺编号 (unique, not a rank): from the server, never computed on the client. */
  number: number
}

/** Who pledged and when: `pledgedOn` is the pledge's ISO date or timestamp (`date` is its older name). */
export type PosterData = PosterPerson & (
  | { pledgedOn: string; date?: undefined }
  /** @deprecated use `pledgedOn` */
  | { date: string; pledgedOn?: undefined }
)
