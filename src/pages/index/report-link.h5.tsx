import { Text, View } from '@tarojs/components'
import { linkHost } from '@/services/news'
import type { ReportLinkComponent } from './report-link-types'

/**
 * A browser opens any site: the entry is a real link to the report, in a new tab (a screen reader
 * hears 链接, a keyboard reaches it, the browser's own menu copies it).
 */
const ReportLink: ReportLinkComponent = ({ id, link, className, children, words }) => (
  <a id={id} className={className} href={link} target='_blank' rel='noopener noreferrer'>
    {children}
    <View className='news-list__follow'>
      <Text className='news-list__action'>{words.openInNewTab}</Text>
      <Text className='news-list__link'>{linkHost(link)}</Text>
    </View>
  </a>
)

export default ReportLink
