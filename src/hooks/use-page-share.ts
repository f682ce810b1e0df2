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
 * Share to a friend (5:4 cover) with `title`, opening `path`. The page's config must set
 * enableShareAppMessage, or WeChat greys the menu item out.
 */
export function useFriendShare ({ title, path, query }: PageShare) {
  useShareAppMessage(() => {
    const full = shareQuery(query)
    return { title, path: full ? `${path}?${full}` : path, imageUrl: SHARE_COVERS.friend }
  })
}

/**
 * Share to a friend and to Moments (1:1 cover) with the same title. Moments always reopens the
 * current page, in single-page mode: only for pages that work there (no login, no navigation);
 * their config also sets enableShareTimeline.
 */
export function usePageShare (share: PageShare) {
  useFriendShare(share)
  useShareTimeline(() => ({ title: share.title, query: shareQuery(share.query) || undefined, imageUrl: SHARE_COVERS.moments }))
}
