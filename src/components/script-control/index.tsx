import SegmentedControl from '@/components/segmented-control'
import { useWords } from '@/hooks/use-words'
import { SCRIPTS, type Script } from '@/services/preferences'
import { WORDS } from '@/words'

/** Each option in its own script, as readers look for it (and as a screen reader names it). */
const OPTIONS = SCRIPTS.map((script) => ({ value: script, text: WORDS.scriptNames[script], name: WORDS.scriptNames[`${script}Name`] }))

interface ScriptControlProps {
  value: Script
  onChange: (script: Script) => void
}

/** The reading script: 简体 / 繁體. */
export default function ScriptControl ({ value, onChange }: ScriptControlProps) {
  const { reading } = useWords()
  return <SegmentedControl label={reading.script} idPrefix='script' options={OPTIONS} value={value} onChange={onChange} />
}
