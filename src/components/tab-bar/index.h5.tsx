import { View } from '@tarojs/components'
import { useWords } from '@/hooks/use-words'
import { ROUTES, TABS, openTab } from '@/services/navigation'
import type { TabBarComponent } from './types'
import './index.scss'

/**
 * The browser's tab bar (WeChat draws its own from app.config.ts, so the weapp twin is empty).
 * Taro's H5 one is a Stencil web component that costs a long task at start-up; this one is part of
 * the page, so it is in the first screen index.html shows before the app runs. Real links: a
 * screen reader hears 链接 and 当前页, a keyboard reaches them, Enter opens them.
 */
const TabBar: TabBarComponent = ({ current }) => {
  const words = useWords()
  return (
    <>
      <View className='qm-tab-bar__placeholder' />
      <View className='qm-tab-bar' role='navigation' aria-label={words.tabBarLabel}>
        {TABS.map((tab) => (
          <a
            key={tab}
            href={`#${ROUTES[tab]}`}
            className={`qm-tab-bar__item${tab === current ? ' qm-tab-bar__item--current' : ''}`}
            aria-current={tab === current ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault()
              if (tab !== current) openTab(tab)
            }}
          >
            {words.tabs[tab]}
          </a>
        ))}
      </View>
    </>
  )
}

export default TabBar
