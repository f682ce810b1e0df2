import { View, Text } from '@tarojs/components'
import type { NewsItem } from '@/content'
import { openNews } from '@/services/navigation'
import { formatMonthDay } from '@/utils/format-date'
import { asButton } from '@/services/a11y'

interface NewsListProps {
  items: NewsItem[]
}

/** Media reports, newest first as the seed lists them; a tap opens the in-app detail. */
export default function NewsList ({ items }: NewsListProps) {
  if (items.length === 0) return <Text className='news-list__empty'>暂无报道</Text>
  return (
    <View className='news-list'>
      {items.map((item) => (
        <View key={item.id} id={`news-${item.id}`} className='news-list__item' {...asButton()} onClick={() => openNews(item.id)}>
          <Text className='news-list__title'>{item.title}</Text>
          <View className='news-list__meta'>
            <Text>{item.source}</Text>
            <Text className='news-list__date'>{formatMonthDay(item.date)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
