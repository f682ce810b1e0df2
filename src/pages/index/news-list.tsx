import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { NewsItem } from '@/content'
import { useWords } from '@/hooks/use-words'
import { getNewsReports } from '@/services/news'
import type { NewsReport } from '@/services/news'
import { formatMonthDay } from '@/utils/format-date'
import ReportLink from './report-link'
import './news-list.scss'

interface NewsListProps {
  /** The document's reports, as it lists them. */
  items: NewsItem[]
}

interface Entry {
  id: string
  source: string
  title: string
  date: string
  link: string | null
}

/**
 * Media reports: those organisers added (asked once per launch; none while unknown or
 * unreachable), newest first, above the document's own. A report without a link is something to
 * read, not a tap target; one with a link leads to it the way the platform can (report-link).
 */
export default function NewsList ({ items }: NewsListProps) {
  const words = useWords()
  const [reports, setReports] = useState<NewsReport[]>([])
  // On every show: after an organiser's change the list is asked for again.
  useDidShow(() => {
    getNewsReports().then(setReports, () => undefined)
  })
  const entries: Entry[] = [...reports, ...items.map((item) => ({ ...item, link: item.url ?? null }))]
  return (
    <View className='news-list'>
      {entries.map((entry) => {
        const text = (
          <>
            <Text className='news-list__title'>{entry.title}</Text>
            <View className='news-list__meta'>
              <Text>{entry.source}</Text>
              <Text className='news-list__date'>{formatMonthDay(entry.date)}</Text>
            </View>
          </>
        )
        return entry.link
          ? <ReportLink key={entry.id} id={`news-${entry.id}`} link={entry.link} className='news-list__item news-list__item--link' words={words.news}>{text}</ReportLink>
          : <View key={entry.id} id={`news-${entry.id}`} className='news-list__item'>{text}</View>
      })}
    </View>
  )
}
