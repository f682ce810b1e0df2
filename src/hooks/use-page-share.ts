import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { mySharerScene } from '@/services/attribution'

/** Drawn by scripts/build-share-covers.mjs; the weapp build copies them here. */
export const SHARE_COVERS = { friend: '/assets/share/friend.jpg', moments: '/assets/share/moments.jpg' } as const

interface PageShare {
  title: string
  /** Absolute page path, e.g. ROUTES.home. */
  path: string
  /** Query string without "?", kept by both friend and Moments shares. */
  query?: string
}

/** The page's own query plus my `scene`, so whoever opens the share is credited to me. */
export function shareQuery (query?: string): string {
  const scene = mySharerScene()
  return [query, scene && `scene=${encodeURIComponent(scene)}`].filter(Boolean).join('&')
}

/**
 * Share to a friend (5:4 cover) and to Moments (1:1 cover) with the same title and page. The
 * page's config must set enableShareAppMessage and enableShareTimeline, or WeChat greys the
 * menu items out.
 */
export function usePageShare ({ title, path, query }: PageShare) {
  useShareAppMessage(() => {
    const full = shareQuery(query)
    return { title, path: full ? `${path}?${full}` : path, imageUrl: SHARE_COVERS.friend }
  })
  useShareTimeline(() => ({ title, query: shareQuery(query) || undefined, imageUrl: SHARE_COVERS.moments }))
}
