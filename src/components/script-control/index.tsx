import SegmentedControl from '@/components/segmented-control'
import { SCRIPTS, type Script } from '@/services/preferences'

/** Each option in its own script, as readers look for it. */
export const SCRIPT_LABELS: Record<Script, string> = {
  hans: '简体',
  hant: '繁體',
}

/** What a screen reader announces for each option. */
const SCRIPT_NAMES: Record<Script, string> = {
  hans: '简体中文',
  hant: '繁體中文',
}

const OPTIONS = SCRIPTS.map((script) => ({ value: script, text: SCRIPT_LABELS[script], name: SCRIPT_NAMES[script] }))

interface ScriptControlProps {
  value: Script
  onChange: (script: Script) => void
}

/** The reading script: 简体 / 繁體. */
export default function ScriptControl ({ value, onChange }: ScriptControlProps) {
  return <SegmentedControl label='简繁' idPrefix='script' options={OPTIONS} value={value} onChange={onChange} />
}
