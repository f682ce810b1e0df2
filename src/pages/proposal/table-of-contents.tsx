import { View, Text } from '@tarojs/components'
import type { ProposalGroup } from '@/content'
import { useWords } from '@/hooks/use-words'
import { asButton, asHeading } from '@/services/a11y'

interface TableOfContentsProps {
  groups: ProposalGroup[]
  onJump: (sectionId: string) => void
}

/** The six headed sections under their two groups; a tap scrolls to the section. */
export default function TableOfContents ({ groups, onJump }: TableOfContentsProps) {
  const { proposal } = useWords()
  return (
    <View className='proposal-toc' id='proposal-toc'>
      <Text className='proposal-toc__title' {...asHeading(2)}>{proposal.contents}</Text>
      {groups.map((group) => (
        <View key={group.id} className='proposal-toc__group'>
          <Text className='proposal-toc__group-name'>{group.name}</Text>
          {group.sections.map((section) => (
            <View
              key={section.id}
              id={`toc-${section.id}`}
              className='proposal-toc__item'
              {...asButton()}
              onClick={() => onJump(section.id)}
            >
              {section.heading}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
