import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMITS } from '@shared/protocol'
import { published } from '@/content'
import type { ProposalGroup } from '@/content'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { useContent } from '@/hooks/use-content'
import { useAppShellHandOver } from '@/hooks/use-app-shell'
import { usePageShare } from '@/hooks/use-page-share'
import { useBarWords, useWords } from '@/hooks/use-words'
import { getWhoAmI } from '@/services/attribution'
import { openOrganiser, openPosters, ROUTES } from '@/services/navigation'
import { inMomentsSinglePage } from '@/services/moments'
import { readCompany, saveCompany } from '@/services/pledge-draft'
import { formatFullDate } from '@/utils/format-date'
import { asButton, asHeading, labelled } from '@/services/a11y'
import { WORDS } from '@/words'
import PledgeItems from './pledge-items'
import PledgeResult from './pledge-result'
import UnitBoard from './unit-board'
import { useArrivalEvent } from './use-arrival-event'
import { usePledge } from './use-pledge'
import './index.scss'

export default function PledgePage () {
  const { campaign, proposal } = useContent()
  // Share cards stay in 简体 (as published): the friend opens the page in their own setting.
  useAppShellHandOver()
  usePageShare({ title: WORDS.pledge.share(published.proposal.title), path: ROUTES.pledge })
  useBarWords('pledge', 'pledge')
  const words = useWords()
  // Opened from Moments: no login, so no pledge.
  const body = inMomentsSinglePage()
    ? <StateView title={words.pledge.momentsTitle} description={words.pledge.momentsBody(proposal.title)} />
    : <PledgeForm title={proposal.title} slogans={campaign.slogans} groups={proposal.groups} />
  return <PageFrame className='pledge' tab='pledge'>{body}</PageFrame>
}

interface PledgeFormProps {
  /** The proposal's title, the campaign slogans and the proposal's groups, in the reader's script. */
  title: string
  slogans: string[]
  groups: ProposalGroup[]
}

function PledgeForm ({ title, slogans, groups }: PledgeFormProps) {
  const { pledge: words, common } = useWords()
  const { state, stats, sign, withdraw, retry } = usePledge()
  const { phase, total, pledge, error, notice } = state
  const signed = pledge !== null && (phase === 'signed' || phase === 'withdrawing')
  const { event, friend } = useArrivalEvent(signed)
  const [company, setCompany] = useState(readCompany)
  const [admin, setAdmin] = useState(false)
  useEffect(() => {
    getWhoAmI().then(({ admin: isAdmin }) => setAdmin(isAdmin), () => undefined)
  }, [])

  // The card and the items need no data (the count waits as “—”), so they are the first thing a
  // reader sees; a friend's link says so in the card's first line, so nothing below moves.
  const intro = (
    <>
      <View className='pledge-card'>
        {friend && pledge === null
          ? <Text className='pledge-card__friend' id='pledge-friend'>{words.friend}</Text>
          : <Text className='pledge-card__eyebrow'>{words.eyebrow}</Text>}
        <Text className='pledge-card__title' {...asHeading(1)}>{title}</Text>
        {slogans.map((slogan) => <Text key={slogan} className='pledge-card__slogan'>{slogan}</Text>)}
        <View className='pledge-card__count'>
          <Text>{words.countBefore}</Text>
          <Text className='pledge-card__number' id='pledge-count'>{total ?? '—'}</Text>
          <Text>{words.countAfter}</Text>
        </View>
      </View>
      <PledgeItems groups={groups} />
    </>
  )
  if (phase === 'loading') {
    return <>{intro}<StateView title={common.loading} /></>
  }
  if (phase === 'error') {
    return (
      <>
        {intro}
        <StateView title={words.cannotConnect} description={error ?? undefined} action={<Button type='primary' onClick={retry}>{common.retry}</Button>} />
      </>
    )
  }

  const pending = phase === 'pending'
  const waiting = pending || phase === 'signing'
  return (
    <>
      {intro}

      {event && (
        <View className='pledge-event' id='pledge-event'>
          <Text className='pledge-event__label'>{words.fromEvent}</Text>
          <Text className='pledge-event__name'>{event.name}</Text>
          <Text className='pledge-event__meta'>{formatFullDate(event.date)} · {event.place}</Text>
          {Number.isInteger(event.count) && (event.count as number) >= 0 && (
            <Text className='pledge-event__count' id='pledge-event-count'>{words.eventCount(event.count as number)}</Text>
          )}
        </View>
      )}

      {signed ? (
        <PledgeResult pledge={pledge} notice={notice} withdrawing={phase === 'withdrawing'} onWithdraw={withdraw} />
      ) : (
        <View className='pledge-form'>
          <Text className='pledge-form__label'>{words.companyLabel}</Text>
          <Input
            className='qm-field pledge-form__input'
            id='pledge-company'
            {...labelled(words.companyName)}
            value={company}
            maxlength={LIMITS.companyMaxChars}
            placeholder={words.companyPlaceholder}
            confirmType='done'
            disabled={waiting}
            onInput={(event) => {
              setCompany(event.detail.value)
              saveCompany(event.detail.value)
            }}
          />
          <Button
            className={`pledge-form__button${waiting ? ' pledge-form__button--waiting' : ''}`}
            id='pledge-button'
            type='primary'
            size='xlarge'
            block
            loading={phase === 'signing'}
            disabled={waiting}
            onClick={() => sign(company)}
          >
            {pending ? words.queued : words.submit}
          </Button>
          {error && <Text className='pledge-form__error' id='pledge-error'>{error}</Text>}
        </View>
      )}

      <UnitBoard companies={stats?.topCompanies ?? null} />

      <View className='pledge-posters' id='pledge-posters' {...asButton()} onClick={openPosters}>
        <Text className='pledge-posters__title'>{words.posters}</Text>
        <Text className='pledge-posters__more'>{words.postersMore}</Text>
      </View>

      {admin && (
        <View className='pledge-posters' id='pledge-organiser' {...asButton()} onClick={openOrganiser}>
          <Text className='pledge-posters__title'>{words.organiser}</Text>
          <Text className='pledge-posters__more'>{words.organiserMore}</Text>
        </View>
      )}
    </>
  )
}
