import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import * as hans from '@/content'
import type { NewsItem } from '@/content'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { useContent } from '@/hooks/use-content'
import { usePageShare } from '@/hooks/use-page-share'
import { copyText } from '@/services/clipboard'
import { ROUTES } from '@/services/navigation'
import { formatFullDate } from '@/utils/format-date'
import { asHeading } from '@/services/a11y'
import './index.scss'

export function NewsDetail ({ item }: { item: NewsItem }) {
  return (
    <View className='news-detail qm-card'>
      <Text className='news-detail__title' id='news-title' {...asHeading(1)}>{item.title}</Text>
      <View className='news-detail__meta'>
        <Text id='news-source'>{item.source}</Text>
        <Text id='news-date'>{formatFullDate(item.date)}</Text>
      </View>
      {item.title.endsWith('…') && (
        <Text className='news-detail__note'>标题在资料中即以“…”截断，此处照录。</Text>
      )}
      <View className='news-detail__link'>
        {item.url ? (
          <>
            <Text className='news-detail__url' userSelect>{item.url}</Text>
            <Button type='primary' fill='outline' onClick={() => copyText(item.url!)}>复制链接</Button>
          </>
        ) : (
          <Text id='news-no-link'>暂无原文链接：资料中只收录了这篇报道的来源、标题和日期。</Text>
        )}
      </View>
    </View>
  )
}

export default function NewsPage () {
  const { params } = useRouter()
  const { findNews } = useContent()
  const item = findNews(params.id)
  // Share cards stay in 简体 (as published): the friend opens the page in their own setting.
  // An unknown report is a dead end: a share to a friend opens the home page instead
  // (a Moments share always reopens the current page).
  const shared = hans.findNews(params.id)
  usePageShare(shared
    ? { title: shared.title, path: ROUTES.news, query: `id=${shared.id}` }
    : { title: hans.campaign.pageTitle, path: ROUTES.home })

  return (
    <PageFrame>
      {item ? (
        <NewsDetail item={item} />
      ) : (
        <StateView title='未找到这篇报道' description='链接可能有误或已失效，可以回到首页查看全部报道。' />
      )}
    </PageFrame>
  )
}
