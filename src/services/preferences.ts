import { readStored, store } from './storage'

/** Reading sizes offered by the size control, smallest first. */
export const FONT_SCALES = ['standard', 'large', 'xlarge'] as const
export type FontScale = (typeof FONT_SCALES)[number]

function isFontScale (value: unknown): value is FontScale {
  return typeof value === 'string' && (FONT_SCALES as readonly string[]).includes(value)
}

/** The reading size chosen in the app, or null if none was (or it is unreadable). */
export function readSavedFontScale (): FontScale | null {
  const saved = readStored('fontScale')
  return isFontScale(saved) ? saved : null
}

/** The saved reading size; anything unreadable or unknown falls back to standard. */
export function readFontScale (): FontScale {
  return readSavedFontScale() ?? 'standard'
}

/** Saves the reading size; rejects values the control never offers. */
export function saveFontScale (scale: FontScale) {
  if (!isFontScale(scale)) throw new RangeError(`未知的字号：${String(scale)}`)
  store('fontScale', scale)
}

/** Scripts offered by the script control: 简体 as published, 繁體 (Hong Kong standard). */
export const SCRIPTS = ['hans', 'hant'] as const
export type Script = (typeof SCRIPTS)[number]

function isScript (value: unknown): value is Script {
  return typeof value === 'string' && (SCRIPTS as readonly string[]).includes(value)
}

/** The saved reading script; anything unreadable or unknown falls back to 简体. */
export function readScript (): Script {
  const saved = readStored('script')
  return isScript(saved) ? saved : 'hans'
}

/** Saves the reading script; rejects values the control never offers. */
export function saveScript (script: Script) {
  if (!isScript(script)) throw new RangeError(`未知的简繁选项：${String(script)}`)
  store('script', script)
}
