import { contentIn } from '@/content'
import { useScript } from './use-words'

/** The campaign text in the reader's script (简体 or 繁體), and a setter that persists it. */
export function useContent () {
  const [script, setScript] = useScript()
  return { ...contentIn(script), script, setScript }
}
