import { useMemo, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { contentIn, findNews } from '@/content'
import { readScript, saveScript, type Script } from '@/services/preferences'

/**
 * The campaign text in the reader's script (简体 or 繁體), and a setter that persists the
 * choice. Re-reads the choice whenever the page shows, so a change made on one page reaches
 * the tab pages that stay mounted.
 */
export function useContent () {
  const [script, setScript] = useState<Script>(readScript)
  useDidShow(() => setScript(readScript()))
  const changeScript = (next: Script) => {
    saveScript(next)
    setScript(next)
  }
  const content = useMemo(() => {
    const shown = contentIn(script)
    return { ...shown, findNews: (id: unknown) => findNews(id, shown.newsItems) }
  }, [script])
  return { ...content, script, setScript: changeScript }
}
