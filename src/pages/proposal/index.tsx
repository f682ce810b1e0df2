import { View, Text } from '@tarojs/components'
import { published } from '@/content'
import FontSizeControl from '@/components/font-size-control'
import PageFrame from '@/components/page-frame'
import PledgeCall from '@/components/pledge-call'
import ScriptControl from '@/components/script-control'
import { useContent } from '@/hooks/use-content'
import { useFontScale } from '@/hooks/use-font-scale'
import { useAppShellHandOver } from '@/hooks/use-app-shell'
import { usePageShare } from '@/hooks/use-page-share'
import { useBarWords, useWords } from '@/hooks/use-words'
import { ROUTES } from '@/services/navigation'
import { scrollToElement } from '@/services/scroll'
import { asButton, asHeading } from '@/services/a11y'
import TableOfContents from './table-of-contents'
import './index.scss'

/** Anchors are page-unique: H5 keeps every visited tab page in one document. */
const anchorOf = (sectionId: string) => `proposal-${sectionId}`

export default function ProposalPage () {
  const [scale, setScale] = useFontScale()
  const { proposal, script, setScript } = useContent()
  // Share cards stay in 简体 (as published): the friend opens the page in their own setting.
  useAppShellHandOver()
  usePageShare({ title: published.proposal.title, path: ROUTES.proposal })
  useBarWords('proposal', 'proposal')
  const words = useWords()

  return (
    <PageFrame className='proposal' tab='proposal' scale={scale}>
      <View className='proposal__header'>
        <Text className='proposal__title' id='proposal-title' {...asHeading(1)}>{proposal.title}</Text>
        <Text className='proposal__date'>{proposal.dateLine}</Text>
        <View className='proposal__tools'>
          <FontSizeControl value={scale} onChange={setScale} />
          <ScriptControl value={script} onChange={setScript} />
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
                <Text className='proposal__heading' {...asHeading(3)}>{section.heading}</Text>
                {section.paragraphs.map((paragraph) => (
                  <Text key={paragraph.slice(0, 16)} className='proposal__paragraph'>{paragraph}</Text>
                ))}
              </View>
            ))}
          </View>
        ))}
        <View className='proposal__call'>
          <PledgeCall id='proposal-pledge-call' />
        </View>
        <View className='proposal__back' id='proposal-back-to-toc' {...asButton()} onClick={() => scrollToElement('#proposal-toc')}>
          {words.proposal.backToContents}
        </View>
      </View>
    </PageFrame>
  )
}
