import Taro from '@tarojs/taro'

/** Reading sizes offered by the size control, smallest first. */
export const FONT_SCALES = ['standard', 'large', 'xlarge'] as const
export type FontScale = (typeof FONT_SCALES)[number]

const FONT_SCALE_KEY = 'pref:font-scale'

function isFontScale (value: unknown): value is FontScale {
  return typeof value === 'string' && (FONT_SCALES as readonly string[]).includes(value)
}

/** The saved reading size; anything unreadable or unknown falls back to standard. */
export function readFontScale (): FontScale {
  try {
    const saved: unknown = Taro.getStorageSync(FONT_SCALE_KEY)
    return isFontScale(saved) ? saved : 'standard'
  } catch {
    return 'standard'
  }
}

/** Saves the reading size; rejects values the control never offers. */
export function saveFontScale (scale: FontScale) {
  if (!isFontScale(scale)) throw new RangeError(`未知的字号：${String(scale)}`)
  Taro.setStorageSync(FONT_SCALE_KEY, scale)
}
