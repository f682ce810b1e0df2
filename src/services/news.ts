import type { NewsReport } from '@shared/protocol'
import { copyText } from './clipboard'
import { callFunction } from './cloud'
import { toast } from './feedback'
import { openArticle } from './navigation'
import { wordsNow } from '@/words'

export type { NewsReport } from '@shared/protocol'

let asked: Promise<NewsReport[]> | null = null

/**
 * The reports organisers added, newest first. Asked once per launch and shared by every caller; a
 * failure rejects (the list keeps the document's own) and is asked again by the next caller.
 */
export function getNewsReports (): Promise<NewsReport[]> {
  if (asked === null) {
    const request = callFunction('pledge', { action: 'news' }).then((result) => result.reports)
    asked = request
    request.catch(() => { if (asked === request) asked = null })
  }
  return asked
}

/** After an organiser's change: the next getNewsReports asks the function again. */
export function forgetNewsReports () {
  asked = null
}

/** A 公众号 article: the one kind of outside page a web-view opens without a business domain. */
export function isArticleLink (link: string): boolean {
  return /^https:\/\/mp\.weixin\.qq\.com\//i.test(link)
}

/**
 * README's TARO_APP_ARTICLE_WEBVIEW=1: the app's 公众号 is associated, so its articles open in a
 * web-view. Taro writes the value into the build only when a .env file sets it; WeChat has no
 * `process`, so an unset one reads as off instead of throwing.
 */
function articleWebViewAllowed (): boolean {
  try {
    return process.env.TARO_APP_ARTICLE_WEBVIEW === '1'
  } catch {
    return false
  }
}

/** The site a link leads to (`www.people.com.cn`), as an entry names it. */
export function linkHost (link: string): string {
  return /^https:\/\/([^/?#]+)/i.exec(link)?.[1] ?? link
}

/** Whether this link opens in the app's web-view page rather than being copied. */
export function opensInWebView (link: string): boolean {
  return articleWebViewAllowed() && isArticleLink(link)
}

/**
 * A tap on a report's link in WeChat. A web-view opens only the app's business domains (and, when
 * associated, its 公众号's articles), so any other link is copied for a browser, with a toast saying so.
 * https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html
 */
export function followReportLink (link: string): Promise<boolean> {
  return opensInWebView(link) ? openArticle(link) : copyReportLink(link)
}

/** Copies a report's link for a browser; the toast says why. Resolves whether it was copied. */
export async function copyReportLink (link: string): Promise<boolean> {
  const copied = await copyText(link)
  // Why a toast: WeChat opens only the app's own business domains in a web-view.
  if (copied) await toast(wordsNow().news.linkCopied)
  return copied
}
