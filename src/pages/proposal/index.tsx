import { View, Text } from '@tarojs/components'
import { proposal } from '@/content'
import FontSizeControl from '@/components/font-size-control'
import { useFontScale } from '@/hooks/use-font-scale'
import { usePageShare } from '@/hooks/use-page-share'
import { ROUTES } from '@/services/navigation'
import { scrollToElement } from '@/services/scroll'
import TableOfContents from './table-of-contents'
import './index.scss'

/** Anchors are page-unique: H5 keeps every visited tab page in one document. */
const anchorOf = (sectionId: string) => `proposal-${sectionId}`

export default function ProposalPage () {
  const [scale, setScale] = useFontScale()
  usePageShare({ title: proposal.title, path: ROUTES.proposal })

  return (
    <View className={`qm-page proposal proposal--${scale}`}>
      <View className='proposal__header'>
        <Text className='proposal__title' id='proposal-title'>{proposal.title}</Text>
        <Text className='proposal__date'>{proposal.dateLine}</Text>
        <View className='proposal__tools'>
          <FontSizeControl value={scale} onChange={setScale} />
        </View>
      </View>

      <TableOfContents groups={proposal.groups} onJump={(id) => scrollToElement(`#${anchorOf(id)}`)} />

      <View className='proposal__body'>
        {proposal.intro.map((paragraph) => (
          <Text key={paragraph.slice(0, 16)} className='proposal__paragraph'>{paragraph}</Text>
        ))}
        {proposal.groups.map((group) => (
          <View key={group.id} className='proposal__group'>
            <Text className='proposal__lead'>{group.lead}</Text>
            {group.sections.map((section) => (
              <View key={section.id} id={anchorOf(section.id)} className='proposal__section'>
                <Text className='proposal__heading'>{section.heading}</Text>
                {section.paragraphs.map((paragraph) => (
                  <Text key={paragraph.slice(0, 16)} className='proposal__paragraph'>{paragraph}</Text>
                ))}
              </View>
            ))}
          </View>
        ))}
        <View className='proposal__back' id='proposal-back-to-toc' onClick={() => scrollToElement('#proposal-toc')}>
          回到目录
        </View>
      </View>
    </View>
  )
}
