import { View, Text } from '@tarojs/components'
import { FONT_SCALES, type FontScale } from '@/services/preferences'
import './index.scss'

export const FONT_SCALE_LABELS: Record<FontScale, string> = {
  standard: '标准',
  large: '大',
  xlarge: '特大',
}

interface FontSizeControlProps {
  value: FontScale
  onChange: (scale: FontScale) => void
}

/** A three-way segmented control for the reading size. */
export default function FontSizeControl ({ value, onChange }: FontSizeControlProps) {
  return (
    <View className='font-size-control'>
      <Text className='font-size-control__label'>字号</Text>
      {FONT_SCALES.map((scale) => (
        <View
          key={scale}
          id={`font-size-${scale}`}
          className={`font-size-control__option${scale === value ? ' font-size-control__option--active' : ''}`}
          onClick={() => scale !== value && onChange(scale)}
        >
          {FONT_SCALE_LABELS[scale]}
        </View>
      ))}
    </View>
  )
}
