import type { LaunchService } from './launch-types'

/** A browser has no WeChat scene. */
export const launchScene: LaunchService['launchScene'] = () => null

// Routes live in the hash (index.html moves a code URL's `/?scene=` there).
export const entryScene: LaunchService['entryScene'] = () => {
  const query = location.hash.split('?')[1] ?? ''
  return new URLSearchParams(query).get('scene') ?? undefined
}
