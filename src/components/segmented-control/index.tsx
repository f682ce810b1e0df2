import { View, Text } from '@tarojs/components'
import { asRadio, asRadioGroup } from '@/services/a11y'
import './index.scss'

export interface SegmentedOption<T extends string> {
  value: T
  /** Shown on the option. */
  text: string
  /** What a screen reader announces for it. */
  name: string
}

interface SegmentedControlProps<T extends string> {
  label: string
  /** Element ids are `${idPrefix}-${value}`. */
  idPrefix: string
  options: ReadonlyArray<SegmentedOption<T>>
  value: T
  onChange: (value: T) => void
}

/** A row of options of which one is chosen (字号, 简繁), read as a radio group. */
export default function SegmentedControl<T extends string> ({ label, idPrefix, options, value, onChange }: SegmentedControlProps<T>) {
  return (
    <View className='segmented-control' {...asRadioGroup(label)}>
      <Text className='segmented-control__label'>{label}</Text>
      {options.map((option) => (
        <View
          key={option.value}
          id={`${idPrefix}-${option.value}`}
          className={`segmented-control__option${option.value === value ? ' segmented-control__option--active' : ''}`}
          {...asRadio(option.value === value, option.name)}
          onClick={() => option.value !== value && onChange(option.value)}
        >
          {option.text}
        </View>
      ))}
    </View>
  )
}
