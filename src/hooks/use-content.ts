import { useMemo } from 'react'
import { contentIn, findNews } from '@/content'
import { readScript, saveScript, type Script } from '@/services/preferences'
import { usePreference } from './use-preference'

/** The campaign text in the reader's script (简体 or 繁體), and a setter that persists the choice. */
export function useContent () {
  const [script, setScript] = usePreference<Script>(readScript, saveScript)
  const content = useMemo(() => {
    const shown = contentIn(script)
    return { ...shown, findNews: (id: unknown) => findNews(id, shown.newsItems) }
  }, [script])
  return { ...content, script, setScript }
}
