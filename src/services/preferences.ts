import Taro from '@tarojs/taro'

/** Reading sizes offered by the size control, smallest first. */
export const FONT_SCALES = ['standard', 'large', 'xlarge'] as const
export type FontScale = (typeof FONT_SCALES)[number]

const FONT_SCALE_KEY = 'pref:font-scale'

function isFontScale (value: unknown): value is FontScale {
  return typeof value === 'string' && (FONT_SCALES as readonly string[]).includes(value)
}

/** The reading size chosen in the app, or null if none was (or it is unreadable). */
export function readSavedFontScale (): FontScale | null {
  try {
    const saved: unknown = Taro.getStorageSync(FONT_SCALE_KEY)
    return isFontScale(saved) ? saved : null
  } catch {
    return null
  }
}

/** The saved reading size; anything unreadable or unknown falls back to standard. */
export function readFontScale (): FontScale {
  return readSavedFontScale() ?? 'standard'
}

/** Saves the reading size; rejects values the control never offers. */
export function saveFontScale (scale: FontScale) {
  if (!isFontScale(scale)) throw new RangeError(`未知的字号：${String(scale)}`)
  Taro.setStorageSync(FONT_SCALE_KEY, scale)
}

/** Scripts offered by the script control: 简体 as published, 繁體 (Hong Kong standard). */
export const SCRIPTS = ['hans', 'hant'] as const
export type Script = (typeof SCRIPTS)[number]

const SCRIPT_KEY = 'pref:script'

function isScript (value: unknown): value is Script {
  return typeof value === 'string' && (SCRIPTS as readonly string[]).includes(value)
}

/** The saved reading script; anything unreadable or unknown falls back to 简体. */
export function readScript (): Script {
  try {
    const saved: unknown = Taro.getStorageSync(SCRIPT_KEY)
    return isScript(saved) ? saved : 'hans'
  } catch {
    return 'hans'
  }
}

/** Saves the reading script; rejects values the control never offers. */
export function saveScript (script: Script) {
  if (!isScript(script)) throw new RangeError(`未知的简繁选项：${String(script)}`)
  Taro.setStorageSync(SCRIPT_KEY, script)
}
