import { useState } from 'react'
import { WebView } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { copyReportLink, isArticleLink, opensInWebView } from '@/services/news'

/** The 公众号 article in the `url` query (encoded once by openArticle, or already decoded), else null. */
function articleOf (raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  try {
    const link = /^https%3A/i.test(raw) ? decodeURIComponent(raw) : raw
    return isArticleLink(link) ? link : null
  } catch {
    return null
  }
}

/**
 * A 公众号 article in a web-view, which fills the page (WeChat only). It opens here only where the
 * README setting allows it; otherwise, or when it fails to load, its link is offered to copy.
 */
export default function ArticlePage () {
  const article = articleOf(useRouter().params.url)
  const [failed, setFailed] = useState(false)
  if (article !== null && opensInWebView(article) && !failed) return <WebView id='article-web-view' src={article} onError={() => setFailed(true)} />
  return (
    <PageFrame>
      <StateView
        title='无法在小程序中打开这篇文章'
        description={article === null ? '链接可能有误或已失效。' : '可以复制链接，在浏览器中打开。'}
        action={article === null ? undefined : <Button type='primary' id='article-copy' onClick={() => copyReportLink(article)}>复制链接</Button>}
      />
    </PageFrame>
  )
}
