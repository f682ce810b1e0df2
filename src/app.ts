import type { PropsWithChildren } from 'react'
import { useDidShow, usePageNotFound } from '@tarojs/taro'
import { getWhoAmI, rememberArrival } from '@/services/attribution'
import { showNotFound } from '@/services/navigation'
import { platform } from '@/services/platform'
import './app.scss'

platform.initCloud()

function App ({ children }: PropsWithChildren) {
  // A stale shared link or a mistyped H5 path lands on a friendly page, not a blank one.
  usePageNotFound(() => showNotFound())
  useDidShow(() => {
    // Codes and shared links carry a scene whichever page they open; the pledge will credit it.
    rememberArrival(platform.entryScene())
    // Learns my sharer scene in the background, so that what I share carries it.
    getWhoAmI().catch(() => undefined)
  })
  return children
}

export default App
