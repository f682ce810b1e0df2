import SegmentedControl from '@/components/segmented-control'
import { useWords } from '@/hooks/use-words'
import { FONT_SCALES, type FontScale } from '@/services/preferences'

interface FontSizeControlProps {
  value: FontScale
  onChange: (scale: FontScale) => void
}

/** The reading size: 标准 / 大 / 特大. */
export default function FontSizeControl ({ value, onChange }: FontSizeControlProps) {
  const { reading } = useWords()
  // Each option's name is what a screen reader announces.
  const options = FONT_SCALES.map((scale) => ({ value: scale, text: reading.sizes[scale], name: reading.sizeNames[scale] }))
  return <SegmentedControl label={reading.fontSize} idPrefix='font-size' options={options} value={value} onChange={onChange} />
}
