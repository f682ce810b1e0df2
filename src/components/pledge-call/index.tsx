import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useWords } from '@/hooks/use-words'
import { asButton } from '@/services/a11y'
import { readMyPledge } from '@/services/my-pledge'
import { openTab } from '@/services/navigation'
import './index.scss'

interface PledgeCallProps {
  id: string
  /** `hero`: on the red banner of 首页; `plain`: on the page's own surface. */
  tone?: 'hero' | 'plain'
}

/**
 * The way to the 承诺 tab from 首页 and 倡议书: the call to pledge, or once I have pledged, my
 * number. That comes from what the pledge page last learnt (services/my-pledge), re-read on every
 * show since tab pages stay mounted: no function call here. Unknown is shown as the call.
 */
export default function PledgeCall ({ id, tone = 'plain' }: PledgeCallProps) {
  const { call } = useWords()
  const [mine, setMine] = useState(readMyPledge)
  useDidShow(() => setMine(readMyPledge()))
  const number = mine?.signed === true ? mine.number : null
  return (
    <View
      id={id}
      className={`pledge-call pledge-call--${tone}${number === null ? '' : ' pledge-call--signed'}`}
      {...asButton()}
      onClick={() => openTab('pledge')}
    >
      <Text>{number === null ? call.unsigned : call.signed(number)}</Text>
    </View>
  )
}
