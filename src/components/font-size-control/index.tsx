import { View, Text } from '@tarojs/components'
import { asRadio, asRadioGroup } from '@/services/a11y'
import { FONT_SCALES, type FontScale } from '@/services/preferences'
import './index.scss'

export const FONT_SCALE_LABELS: Record<FontScale, string> = {
  standard: '标准',
  large: '大',
  xlarge: '特大',
}

/** What a screen reader announces for each option. */
const FONT_SCALE_NAMES: Record<FontScale, string> = {
  standard: '标准字号',
  large: '大字号',
  xlarge: '特大字号',
}

interface FontSizeControlProps {
  value: FontScale
  onChange: (scale: FontScale) => void
}

/** A three-way segmented control for the reading size, read as a radio group. */
export default function FontSizeControl ({ value, onChange }: FontSizeControlProps) {
  return (
    <View className='font-size-control' {...asRadioGroup('字号')}>
      <Text className='font-size-control__label'>字号</Text>
      {FONT_SCALES.map((scale) => (
        <View
          key={scale}
          id={`font-size-${scale}`}
          className={`font-size-control__option${scale === value ? ' font-size-control__option--active' : ''}`}
          {...asRadio(scale === value, FONT_SCALE_NAMES[scale])}
          onClick={() => scale !== value && onChange(scale)}
        >
          {FONT_SCALE_LABELS[scale]}
        </View>
      ))}
    </View>
  )
}
