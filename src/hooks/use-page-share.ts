import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

interface PageShare {
  title: string
  /** Absolute page path, e.g. ROUTES.home. */
  path: string
  /** Query string without "?", kept by both friend and Moments shares. */
  query?: string
}

/**
 * Share to a friend and to Moments with the same title and page. The page's config must set
 * enableShareAppMessage and enableShareTimeline, or WeChat greys the menu items out.
 */
export function usePageShare ({ title, path, query }: PageShare) {
  useShareAppMessage(() => ({ title, path: query ? `${path}?${query}` : path }))
  useShareTimeline(() => ({ title, query }))
}
