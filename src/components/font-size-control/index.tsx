import SegmentedControl from '@/components/segmented-control'
import { FONT_SCALES, type FontScale } from '@/services/preferences'

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

const OPTIONS = FONT_SCALES.map((scale) => ({ value: scale, text: FONT_SCALE_LABELS[scale], name: FONT_SCALE_NAMES[scale] }))

interface FontSizeControlProps {
  value: FontScale
  onChange: (scale: FontScale) => void
}

/** The reading size: 标准 / 大 / 特大. */
export default function FontSizeControl ({ value, onChange }: FontSizeControlProps) {
  return <SegmentedControl label='字号' idPrefix='font-size' options={OPTIONS} value={value} onChange={onChange} />
}
