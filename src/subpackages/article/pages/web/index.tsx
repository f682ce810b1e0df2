import { useState } from 'react'
import { WebView } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { useBarWords, useWords } from '@/hooks/use-words'
import { copyReportLink, isArticleLink, opensInWebView } from '@/services/news'
import { ARTICLE_WORDS } from '@/words/article'

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
  useBarWords('article')
  const words = useWords(ARTICLE_WORDS)
  const article = articleOf(useRouter().params.url)
  const [failed, setFailed] = useState(false)
  if (article !== null && opensInWebView(article) && !failed) return <WebView id='article-web-view' src={article} onError={() => setFailed(true)} />
  return (
    <PageFrame>
      <StateView
        title={words.cannotOpen}
        description={article === null ? words.badLink : words.copyHint}
        action={article === null ? undefined : <Button type='primary' id='article-copy' onClick={() => copyReportLink(article)}>{words.copy}</Button>}
      />
    </PageFrame>
  )
}
