import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * A saved reading preference and a setter that persists it. Re-read whenever the page shows:
 * 首页 and 倡议书 both change them, and tab pages stay mounted.
 */
export function usePreference<T> (read: () => T, save: (value: T) => void) {
  const [value, setValue] = useState<T>(read)
  useDidShow(() => setValue(read()))
  const change = (next: T) => {
    save(next)
    setValue(next)
  }
  return [value, change] as const
}
