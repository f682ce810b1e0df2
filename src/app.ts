import type { PropsWithChildren } from 'react'
import { usePageNotFound } from '@tarojs/taro'
import { showNotFound } from '@/services/navigation'
import { platform } from '@/services/platform'
import './app.scss'

platform.initCloud()

function App ({ children }: PropsWithChildren) {
  // A stale shared link or a mistyped H5 path lands on a friendly page, not a blank one.
  usePageNotFound(() => showNotFound())
  return children
}

export default App
