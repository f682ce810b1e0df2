import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Every mounted user of a preference, by its reader, so a change shows on the whole page at once. */
const listeners = new Map<() => unknown, Set<(value: unknown) => void>>()

/**
 * A saved reading preference and a setter that persists it. Re-read whenever the page shows:
 * 首页 and 倡议书 both change them, and tab pages stay mounted. A change reaches every component
 * holding the same preference (the page's root, its words, the control itself).
 */
export function usePreference<T> (read: () => T, save: (value: T) => void) {
  const [value, setValue] = useState<T>(read)
  useDidShow(() => setValue(read()))
  useEffect(() => {
    const own = setValue as (value: unknown) => void
    const set = listeners.get(read) ?? new Set()
    listeners.set(read, set.add(own))
    return () => { set.delete(own) }
  }, [read])
  const change = (next: T) => {
    save(next)
    for (const listener of listeners.get(read) ?? [setValue as (value: unknown) => void]) listener(next)
  }
  return [value, change] as const
}
