import { useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import TabBar from '@/components/tab-bar'
import { useFontScale } from '@/hooks/use-font-scale'
import { useWords } from '@/hooks/use-words'
import { asButton } from '@/services/a11y'
import type { Tab } from '@/services/navigation'
import type { FontScale } from '@/services/preferences'
import { wayBack } from '@/services/way-back'
import type { WayBack } from '@/services/way-back-types'
import './index.scss'

export interface PageFrameProps {
  /**
   * The page's own block class (e.g. `organiser`), on a box inside the frame holding its content
   * (and on a tab, the tab bar's placeholder after it, so the page's padding frames both).
   */
  className?: string
  /** A tab page's tab: the browser's tab bar follows the content. Other pages get a way back instead. */
  tab?: Tab
  /** The reading size, for a page that offers the size control itself; else the saved one. */
  scale?: FontScale
  children?: ReactNode
}

/** The root's classes: the design tokens (qm-page) and the reading size, which scales every text size (app.scss). */
function frameClass (scale: FontScale): string {
  return scale === 'standard' ? 'qm-page' : `qm-page qm-page--${scale}`
}

/**
 * Every page's root: the design tokens and reading size (qm-page), the way back on pages that are
 * not tabs (services/way-back decides per platform whether one is needed), the tab bar on tabs.
 */
export default function PageFrame ({ className, tab, scale, children }: PageFrameProps) {
  const [inUse] = useFontScale()
  // The pages below this one do not change while it is open.
  const [way] = useState(() => (tab ? null : wayBack()))
  const content = <>{children}{tab && <TabBar current={tab} />}</>
  return (
    <View className={frameClass(scale ?? inUse)}>
      {way && <WayBackBar way={way} />}
      {className ? <View className={className}>{content}</View> : content}
    </View>
  )
}

function WayBackBar ({ way }: { way: WayBack }) {
  // A second tap while the first route runs would go back twice, out of the app in a browser.
  const { common } = useWords()
  const going = useRef(false)
  const follow = () => {
    if (going.current) return
    going.current = true
    const done = () => { going.current = false }
    way.go().then(done, done)
  }
  return (
    <View className='page-frame__bar'>
      <View className='page-frame__way-back' id='way-back' {...asButton(way.to === 'home' ? common.home : common.backLabel)} onClick={follow}>
        <Text>{way.to === 'home' ? common.home : common.back}</Text>
      </View>
    </View>
  )
}
