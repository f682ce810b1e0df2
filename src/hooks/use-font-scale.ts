import { useState } from 'react'
import { readFontScale, saveFontScale, type FontScale } from '@/services/preferences'

/** The reader's saved text size, and a setter that persists it. */
export function useFontScale () {
  const [scale, setScale] = useState<FontScale>(readFontScale)
  const change = (next: FontScale) => {
    saveFontScale(next)
    setScale(next)
  }
  return [scale, change] as const
}
