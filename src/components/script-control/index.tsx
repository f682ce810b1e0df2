import { View, Text } from '@tarojs/components'
import { asRadio, asRadioGroup } from '@/services/a11y'
import { SCRIPTS, type Script } from '@/services/preferences'
import './index.scss'

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

interface ScriptControlProps {
  value: Script
  onChange: (script: Script) => void
}

/** A two-way segmented control for the reading script, read as a radio group. */
export default function ScriptControl ({ value, onChange }: ScriptControlProps) {
  return (
    <View className='script-control' {...asRadioGroup('简繁')}>
      <Text className='script-control__label'>简繁</Text>
      {SCRIPTS.map((script) => (
        <View
          key={script}
          id={`script-${script}`}
          className={`script-control__option${script === value ? ' script-control__option--active' : ''}`}
          {...asRadio(script === value, SCRIPT_NAMES[script])}
          onClick={() => script !== value && onChange(script)}
        >
          {SCRIPT_LABELS[script]}
        </View>
      ))}
    </View>
  )
}
