import { useEffect, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { showTabLabels, showTitle } from '@/services/bars'
import type { Tab } from '@/services/navigation'
import { readScript, saveScript, type Script } from '@/services/preferences'
import { inScript, WORDS } from '@/words'
import type { TITLES } from '@/words/titles'
import { usePreference } from './use-preference'

/** The reader's script (简体 or 繁體) and a setter that persists it. */
export function useScript () {
  return usePreference<Script>(readScript, saveScript)
}

/** A group of words (src/words) in the reader's script; the main package's words by default. */
export function useWords<T extends object = typeof WORDS> (words?: T): T {
  const [script] = useScript()
  return inScript(words ?? (WORDS as unknown as T), script)
}

/** Whether the bars may differ from the configs' 简体 words: once 繁體 was chosen in this launch. */
let barsChanged = false

function showBars (script: Script, page: keyof typeof TITLES, tab?: Tab) {
  if (!barsChanged) return
  const words = inScript(WORDS, script)
  void showTitle(words.titles[page])
  if (tab) void showTabLabels(words.tabs)
}

/**
 * The navigation bar's title (and on a tab page the tab bar) in the reader's script, set when the
 * page opens or shows and when the script changes. Until someone picks 繁體 the configs' words
 * stand: no calls.
 */
export function useBarWords (page: keyof typeof TITLES, tab?: Tab) {
  const [script] = useScript()
  // Tab pages stay mounted: a hidden one must not set the bars (the title is the shown page's).
  const shown = useRef(true)
  useEffect(() => {
    barsChanged ||= script === 'hant'
    if (shown.current) showBars(script, page, tab)
  }, [script, page, tab])
  // A browser has one title for the document, which Taro's router resets from the page config.
  useDidShow(() => {
    shown.current = true
    showBars(script, page, tab)
  })
  useDidHide(() => { shown.current = false })
}
