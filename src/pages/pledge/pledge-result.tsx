import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MyPledge } from '@/services/pledge'
import { copyInviteLink, INVITE_OPENS_SHARE_MENU } from '@/services/invite'
import { openMyPoster } from '@/services/navigation'
import { useWords } from '@/hooks/use-words'
import { asButton } from '@/services/a11y'

/**
 * The result takes the place of 我承诺, so the rest of a burst of taps on that button would land
 * on 生成我的承诺海报: for this long after it appears, and after each such tap, a cover takes them.
 */
export const RESULT_SETTLE_MS = 500

interface PledgeResultProps {
  pledge: MyPledge
  notice: string | null
  withdrawing: boolean
  onWithdraw: () => void
}

/** My pledge: its number, my unit's count, the poster, inviting friends, and withdrawing. */
export default function PledgeResult ({ pledge, notice, withdrawing, onWithdraw }: PledgeResultProps) {
  const { result } = useWords()
  const [settling, setSettling] = useState(true)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const settle = useCallback(() => {
    clearTimeout(timer.current)
    setSettling(true)
    timer.current = setTimeout(() => setSettling(false), RESULT_SETTLE_MS)
  }, [])
  useEffect(() => {
    settle()
    return () => clearTimeout(timer.current)
  }, [settle])

  return (
    <View className='pledge-result' id='pledge-result'>
      <Text className='pledge-result__status'>{result.status}</Text>
      <Text className='pledge-result__number' id='pledge-number'>{result.number(pledge.number)}</Text>
      {pledge.company && (
        <Text className='pledge-result__company'>{result.companyCount(pledge.company, pledge.companyCount)}</Text>
      )}
      {notice && <Text className='pledge-result__notice'>{notice}</Text>}
      <Button className='pledge-result__poster' id='pledge-poster' type='primary' block onClick={openMyPoster}>{result.poster}</Button>
      {INVITE_OPENS_SHARE_MENU
        ? <Button className='pledge-result__invite' id='pledge-invite' block openType='share'>{result.invite}</Button>
        : <Button className='pledge-result__invite' id='pledge-invite' block onClick={() => copyInviteLink()}>{result.copyInvite}</Button>}
      <View className='pledge-result__withdraw' id='pledge-withdraw' {...asButton()} onClick={onWithdraw}>
        {withdrawing ? result.withdrawing : result.withdraw}
      </View>
      {settling && <View className='pledge-result__cover' id='pledge-result-cover' onClick={settle} />}
    </View>
  )
}
