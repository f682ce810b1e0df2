import { View, Text } from '@tarojs/components'
import { campaign, newsItems, proposal } from '@/content'
import { usePageShare } from '@/hooks/use-page-share'
import { ROUTES, openPosters, openTab } from '@/services/navigation'
import NewsList from './news-list'
import './index.scss'

export default function HomePage () {
  usePageShare({ title: campaign.pageTitle, path: ROUTES.home })

  return (
    <View className='qm-page home'>
      <View className='home-hero'>
        <Text className='home-hero__eyebrow'>2024年全国“质量月”</Text>
        <Text className='home-hero__theme' id='home-theme'>{campaign.theme}</Text>
        <View className='home-hero__slogans'>
          {campaign.slogans.map((slogan) => (
            <Text key={slogan} className='home-hero__slogan'>{slogan}</Text>
          ))}
        </View>
      </View>

      <View className='home-entries'>
        <View className='home-entry' id='entry-proposal' onClick={() => openTab('proposal')}>
          <Text className='home-entry__title'>倡议书全文</Text>
          <Text className='home-entry__desc'>{proposal.title}</Text>
        </View>
        <View className='home-entry' id='entry-posters' onClick={() => openPosters()}>
          <Text className='home-entry__title'>活动海报</Text>
          <Text className='home-entry__desc'>2024年全国“质量月”活动海报</Text>
        </View>
      </View>

      <View className='qm-card home-about' id='home-about'>
        <Text className='qm-section-title'>{campaign.heading}</Text>
        {campaign.description.map((paragraph) => (
          <Text key={paragraph.slice(0, 16)} className='home-about__paragraph'>{paragraph}</Text>
        ))}
      </View>

      <View className='qm-card'>
        <Text className='qm-section-title'>媒体报道</Text>
        <NewsList items={newsItems} />
      </View>
    </View>
  )
}
