import type { PropsWithChildren } from 'react'
import { useDidShow, usePageNotFound } from '@tarojs/taro'
import { configure as configureNutIcons } from '@nutui/icons-react-taro'
import { getWhoAmI, rememberArrival } from '@/services/attribution'
import { showNotFound } from '@/services/navigation'
import { initCloud } from '@/services/cloud-transport'
import { entryScene } from '@/services/launch'
import './app.scss'

initCloud()
// NutUI draws its icons (the button's loading spinner) as <i>, a tag WeChat's templates lack: the
// spinner rendered nothing there. As a View it renders on both.
if (process.env.TARO_ENV === 'weapp') configureNutIcons({ tag: 'view' })

function App ({ children }: PropsWithChildren) {
  // A stale shared link or a mistyped H5 path lands on a friendly page, not a blank one.
  usePageNotFound(() => showNotFound())
  useDidShow(() => {
    // Codes and shared links carry a scene whichever page they open; the pledge will credit it.
    rememberArrival(entryScene())
    // Learns my sharer scene in the background, so that what I share carries it.
    getWhoAmI().catch(() => undefined)
  })
  return children
}

export default App
