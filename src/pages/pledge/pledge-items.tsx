import { Text, View } from '@tarojs/components'
import type { ProposalGroup } from '@/content'
import { asHeading } from '@/services/a11y'

interface PledgeItemsProps {
  /** The proposal's two groups, in the reader's script. */
  groups: ProposalGroup[]
}

/**
 * What a pledge commits to, in the document's own words: the headings of its six items, three
 * addressed to 企业界 and three to 全社会, exactly as 倡议书 heads them.
 */
export default function PledgeItems ({ groups }: PledgeItemsProps) {
  return (
    <View className='pledge-items' id='pledge-items'>
      {groups.map((group) => (
        <View key={group.id} className='pledge-items__group'>
          <Text className='pledge-items__group-name' {...asHeading(2)}>{group.name}</Text>
          {group.sections.map((section) => (
            <Text key={section.id} className='pledge-items__item'>{section.heading}</Text>
          ))}
        </View>
      ))}
    </View>
  )
}
