import { Text, View } from '@tarojs/components'
import { asButton } from '@/services/a11y'
import { followReportLink, opensInWebView } from '@/services/news'
import type { ReportLinkComponent } from './report-link-types'

/**
 * WeChat opens only the app's own domains: a tap copies the link for a browser, or opens a 公众号
 * article where the README setting allows it. The link is shown and selectable, so a copy refused
 * (privacy consent) can still be made by a long press.
 */
const ReportLink: ReportLinkComponent = ({ id, link, className, children, words }) => {
  const inApp = opensInWebView(link)
  return (
    <View id={id} className={className} hoverClass='news-list__item--pressed' {...asButton()} onClick={() => followReportLink(link)}>
      {children}
      <View className='news-list__follow'>
        <Text className='news-list__action'>{inApp ? words.readInApp : words.copyLink}</Text>
        {!inApp && <Text className='news-list__link' userSelect>{link}</Text>}
      </View>
    </View>
  )
}

export default ReportLink
