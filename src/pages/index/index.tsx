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
import { ROUTES, openPosters, openTab } from '@/services/navigation'
import { asButton, asHeading } from '@/services/a11y'
import NewsList from './news-list'
import './index.scss'

export default function HomePage () {
  const { campaign, proposal, newsItems, script, setScript } = useContent()
  const [scale, setScale] = useFontScale()
  // Share cards stay in 简体 (as published): the friend opens the page in their own setting.
  useAppShellHandOver()
  usePageShare({ title: published.campaign.pageTitle, path: ROUTES.home })
  useBarWords('home', 'home')
  const { home, reading } = useWords()

  return (
    <PageFrame className='home' tab='home' scale={scale}>
      <View className='home-hero'>
        <Text className='home-hero__eyebrow'>{home.eyebrow}</Text>
        <Text className='home-hero__theme' id='home-theme'>{campaign.theme}</Text>
        <View className='home-hero__slogans'>
          {campaign.slogans.map((slogan) => (
            <Text key={slogan} className='home-hero__slogan'>{slogan}</Text>
          ))}
        </View>
        <View className='home-hero__call'>
          <PledgeCall id='home-pledge-call' tone='hero' />
        </View>
      </View>

      <View className='home-entries'>
        <View className='home-entry' id='entry-proposal' {...asButton()} onClick={() => openTab('proposal')}>
          <Text className='home-entry__title'>{home.proposalEntry}</Text>
          <Text className='home-entry__desc'>{proposal.title}</Text>
        </View>
        <View className='home-entry' id='entry-posters' {...asButton()} onClick={() => openPosters()}>
          <Text className='home-entry__title'>{home.postersEntry}</Text>
          <Text className='home-entry__desc'>{home.postersDesc}</Text>
        </View>
      </View>

      <View className='qm-card home-about' id='home-about'>
        <Text className='qm-section-title' {...asHeading(2)}>{campaign.heading}</Text>
        {campaign.description.map((paragraph) => (
          <Text key={paragraph.slice(0, 16)} className='home-about__paragraph'>{paragraph}</Text>
        ))}
      </View>

      <View className='qm-card'>
        <Text className='qm-section-title' {...asHeading(2)}>{home.news}</Text>
        <NewsList items={newsItems} />
      </View>

      <View className='qm-card' id='home-reading'>
        <Text className='qm-section-title' {...asHeading(2)}>{reading.title}</Text>
        <FontSizeControl value={scale} onChange={setScale} />
        <ScriptControl value={script} onChange={setScript} />
      </View>
    </PageFrame>
  )
}
