import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMITS } from '../../../cloud/core/protocol'
import * as hans from '@/content'
import StateView from '@/components/state-view'
import TabBar from '@/components/tab-bar'
import { useContent } from '@/hooks/use-content'
import { usePageClass } from '@/hooks/use-font-scale'
import { useAppShellHandOver } from '@/hooks/use-app-shell'
import { usePageShare } from '@/hooks/use-page-share'
import { getWhoAmI } from '@/services/attribution'
import { copyInviteLink, INVITE_OPENS_SHARE_MENU } from '@/services/invite'
import { openMyPoster, openOrganiser, openPosters, ROUTES } from '@/services/navigation'
import { inMomentsSinglePage } from '@/services/moments'
import { readCompany, saveCompany } from '@/services/pledge-draft'
import { formatFullDate } from '@/utils/format-date'
import { asButton, asHeading, labelled } from '@/services/a11y'
import { useArrivalEvent } from './use-arrival-event'
import { usePledge } from './use-pledge'
import './index.scss'

export default function PledgePage () {
  const root = usePageClass('qm-page pledge')
  const { campaign, proposal } = useContent()
  // Share cards stay in 简体 (as published): the friend opens the page in their own setting.
  useAppShellHandOver()
  usePageShare({ title: `一起响应《${hans.proposal.title}》`, path: ROUTES.pledge })
  // Opened from Moments: no login, so no pledge.
  if (inMomentsSinglePage()) {
    return (
      <View className={root}>
        <StateView title='前往小程序参与承诺' description={`朋友圈中打开的页面无法承诺。点击屏幕下方“前往小程序”，响应《${proposal.title}》。`} />
      </View>
    )
  }
  return <PledgeForm title={proposal.title} slogans={campaign.slogans} />
}

interface PledgeFormProps {
  /** The proposal's title and the campaign slogans, in the reader's script. */
  title: string
  slogans: string[]
}

function PledgeForm ({ title, slogans }: PledgeFormProps) {
  const root = usePageClass('qm-page pledge')
  const { state, sign, withdraw, retry } = usePledge()
  const event = useArrivalEvent()
  const [company, setCompany] = useState(readCompany)
  const [admin, setAdmin] = useState(false)
  useEffect(() => {
    getWhoAmI().then(({ admin: isAdmin }) => setAdmin(isAdmin), () => undefined)
  }, [])
  const { phase, total, pledge, error, notice } = state

  // The card needs no data (the count waits as “—”), so it is the first thing a reader sees.
  const card = (
    <View className='pledge-card'>
      <Text className='pledge-card__eyebrow'>响应倡议</Text>
      <Text className='pledge-card__title' {...asHeading(1)}>{title}</Text>
      {slogans.map((slogan) => <Text key={slogan} className='pledge-card__slogan'>{slogan}</Text>)}
      <View className='pledge-card__count'>
        <Text>已有 </Text>
        <Text className='pledge-card__number' id='pledge-count'>{total ?? '—'}</Text>
        <Text> 人承诺</Text>
      </View>
    </View>
  )
  if (phase === 'loading') {
    return <View className={root}>{card}<StateView title='正在加载…' /><TabBar current='pledge' /></View>
  }
  if (phase === 'error') {
    return (
      <View className={root}>
        {card}
        <StateView title='暂时无法连接' description={error ?? undefined} action={<Button type='primary' onClick={retry}>重试</Button>} />
        <TabBar current='pledge' />
      </View>
    )
  }

  const signed = pledge !== null && (phase === 'signed' || phase === 'withdrawing')
  return (
    <View className={root}>
      {card}

      {event && (
        <View className='pledge-event' id='pledge-event'>
          <Text className='pledge-event__label'>来自活动</Text>
          <Text className='pledge-event__name'>{event.name}</Text>
          <Text className='pledge-event__meta'>{formatFullDate(event.date)} · {event.place}</Text>
        </View>
      )}

      {signed ? (
        <View className='pledge-result' id='pledge-result'>
          <Text className='pledge-result__number' id='pledge-number'>承诺编号 No.{pledge.number}</Text>
          {pledge.company && (
            <Text className='pledge-result__company'>「{pledge.company}」已有 {pledge.companyCount} 人承诺</Text>
          )}
          {notice && <Text className='pledge-result__notice'>{notice}</Text>}
          <Button className='pledge-result__poster' id='pledge-poster' type='primary' block onClick={openMyPoster}>生成我的承诺海报</Button>
          {INVITE_OPENS_SHARE_MENU
            ? <Button className='pledge-result__invite' id='pledge-invite' block openType='share'>邀请好友一起承诺</Button>
            : <Button className='pledge-result__invite' id='pledge-invite' block onClick={() => copyInviteLink()}>复制邀请链接</Button>}
          <View className='pledge-result__withdraw' id='pledge-withdraw' {...asButton()} onClick={withdraw}>
            {phase === 'withdrawing' ? '正在撤回…' : '撤回承诺'}
          </View>
        </View>
      ) : (
        <View className='pledge-form'>
          <Text className='pledge-form__label'>单位名称（选填）</Text>
          <Input
            className='qm-field pledge-form__input'
            id='pledge-company'
            {...labelled('单位名称')}
            value={company}
            maxlength={LIMITS.companyMaxChars}
            placeholder='填写后计入单位承诺人数'
            confirmType='done'
            disabled={phase === 'signing' || phase === 'pending'}
            onInput={(event) => {
              setCompany(event.detail.value)
              saveCompany(event.detail.value)
            }}
          />
          <Button
            className='pledge-form__button'
            id='pledge-button'
            type='primary'
            size='xlarge'
            block
            loading={phase === 'signing'}
            disabled={phase === 'signing' || phase === 'pending'}
            onClick={() => sign(company)}
          >
            {phase === 'pending' ? '已记录，联网后自动提交' : '我承诺'}
          </Button>
          {error && <Text className='pledge-form__error' id='pledge-error'>{error}</Text>}
        </View>
      )}

      <View className='pledge-posters' id='pledge-posters' {...asButton()} onClick={openPosters}>
        <Text className='pledge-posters__title'>活动海报</Text>
        <Text className='pledge-posters__more'>供企业、组织和媒体使用 ›</Text>
      </View>

      {admin && (
        <View className='pledge-posters' id='pledge-organiser' {...asButton()} onClick={openOrganiser}>
          <Text className='pledge-posters__title'>组织者后台</Text>
          <Text className='pledge-posters__more'>活动、活动码与统计 ›</Text>
        </View>
      )}
      <TabBar current='pledge' />
    </View>
  )
}
