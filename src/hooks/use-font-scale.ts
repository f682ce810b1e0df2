import { systemFontSize } from '@/services/system-font'
import { readSavedFontScale, saveFontScale, type FontScale } from '@/services/preferences'
import { usePreference } from './use-preference'

/** WeChat font sizes (设置 → 字体大小, px; 标准 is 16–17) from which pages start at 大 / 特大. */
export const SYSTEM_FONT_LARGE_PX = 18
export const SYSTEM_FONT_XLARGE_PX = 20

/** The reading size WeChat's own font size asks for; standard where there is none (H5). */
function scaleForSystemFont (px: number | null): FontScale {
  if (px === null) return 'standard'
  return px >= SYSTEM_FONT_XLARGE_PX ? 'xlarge' : px >= SYSTEM_FONT_LARGE_PX ? 'large' : 'standard'
}

/** The size in use: the one chosen in the app, else the one WeChat's font size asks for. */
export function currentFontScale (): FontScale {
  return readSavedFontScale() ?? scaleForSystemFont(systemFontSize())
}

/** The reading size and a setter that persists it. */
export function useFontScale () {
  return usePreference<FontScale>(currentFontScale, saveFontScale)
}
