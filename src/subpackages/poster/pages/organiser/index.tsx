import { useState } from 'react'
import { Canvas, Image, Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMITS } from '@shared/protocol'
import PageFrame from '@/components/page-frame'
import PrivacyDialog from '@/components/privacy-dialog'
import StateView from '@/components/state-view'
import { useContent } from '@/hooks/use-content'
import { useDialogFocus } from '@/hooks/use-dialog-focus'
import { useFriendShare } from '@/hooks/use-page-share'
import { useBarWords, useWords } from '@/hooks/use-words'
import { eventCodeCard } from '@/poster'
import { asButton, asDialog, describedImage, labelled } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import type { EventInfo } from '@/services/events'
import { toast } from '@/services/feedback'
import { exportCsv } from '@/services/files'
import { ROUTES } from '@/services/navigation'
import { loadEventCode } from '@/services/share-code'
import { formatFullDate } from '@/utils/format-date'
import { wordsNow } from '@/words'
import { ORGANISER_WORDS } from '@/words/organiser'
import { POSTER_WORDS } from '@/words/poster'
import type { DrawnPoster, ExportSize } from '../../draw'
import { usePosterCanvas } from '../../use-poster-canvas'
import type { PosterJob } from '../../use-poster-canvas'
import { organiserCsv } from './csv'
import { today } from './local-time'
import NewsEditor from './news-editor'
import UnitBoardEditor from './unit-board-editor'
import { useOrganiser } from './use-organiser'
import './index.scss'

const CANVAS_ID = 'event-code-canvas'

export default function OrganiserPage () {
  useBarWords('organiser')
  const words = useWords(ORGANISER_WORDS)
  const posterWords = useWords(POSTER_WORDS)
  const { common } = useWords()
  const { campaign } = useContent()
  // Shares of this page invite to pledge: the organiser view itself is for organisers only.
  useFriendShare({ title: campaign.pageTitle, path: ROUTES.pledge })
  const { state, refresh, create, messageOf } = useOrganiser()
  const [form, setForm] = useState({ name: '', date: today(), place: '' })
  const [formError, setFormError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [code, setCode] = useState<{ event: EventInfo; poster: DrawnPoster | null; job: PosterJob | null } | null>(null)
  useDialogFocus(code !== null, 'event-code')
  const canvas = usePosterCanvas(CANVAS_ID)

  async function submit () {
    if (creating) return
    setCreating(true)
    setFormError(null)
    try {
      const event = await create(form)
      setForm((f) => ({ ...f, name: '', place: '' }))
      void toast(wordsNow(ORGANISER_WORDS).create.created, 'success')
      void showCode(event)
    } catch (error) {
      setFormError(messageOf(error))
    } finally {
      setCreating(false)
    }
  }

  async function showCode (event: EventInfo) {
    setCode({ event, poster: null, job: null })
    try {
      const art = await canvas.run((node) => loadEventCode(node, event))
      if (art === null) throw new Error('no code')
      const job = { template: eventCodeCard(event), code: art }
      const { image, description } = await canvas.draw(job)
      setCode((current) => (current?.event.id === event.id ? { event, poster: { image, description }, job } : current))
    } catch {
      setCode(null)
      void toast(wordsNow(ORGANISER_WORDS).code.failed)
    }
  }

  function saveCode (size: ExportSize) {
    if (!code?.job) return
    const toasts = () => {
      const now = wordsNow(ORGANISER_WORDS).code
      return { saved: now.saved, notSaved: now.notSaved, failed: now.failed }
    }
    void canvas.save(code.job, words.code.fileName(code.event.name), size, toasts)
  }

  async function exportCounts () {
    if (state.phase !== 'ready') return
    const ok = await exportCsv(words.export.fileName(today()), organiserCsv(state.view, words.csv))
    if (!ok) void toast(wordsNow(ORGANISER_WORDS).export.failed)
  }

  if (state.phase === 'loading') return <PageFrame className='organiser'><StateView title={common.loading} /></PageFrame>
  if (state.phase === 'forbidden') {
    return <PageFrame className='organiser'><StateView title={words.forbidden} description={words.forbiddenBody} /></PageFrame>
  }
  if (state.phase === 'error') {
    return <PageFrame className='organiser'><StateView title={words.cannotConnect} description={state.message} /></PageFrame>
  }

  const { view } = state
  return (
    <PageFrame className='organiser'>
      <View className='organiser-summary'>
        <View className='organiser-summary__item'>
          <Text className='organiser-summary__number' id='organiser-total'>{view.total}</Text>
          <Text className='organiser-summary__label'>{words.total}</Text>
        </View>
        <View className='organiser-summary__item'>
          <Text className='organiser-summary__number' id='organiser-via-shares'>{view.viaShares}</Text>
          <Text className='organiser-summary__label'>{words.viaShares}</Text>
        </View>
      </View>

      <View className='organiser-card'>
        <Text className='organiser-card__title'>{words.create.title}</Text>
        <Text className='organiser-form__label'>{words.create.name}</Text>
        <Input className='qm-field organiser-form__input' id='event-name' {...labelled(words.create.name)} value={form.name} maxlength={LIMITS.eventNameMaxChars}
          placeholder={words.create.namePlaceholder} onInput={(e) => setForm((f) => ({ ...f, name: e.detail.value }))} />
        <Text className='organiser-form__label'>{words.create.date}</Text>
        <Picker mode='date' value={form.date} start='2024-01-01' end='2099-12-31' onChange={(e) => setForm((f) => ({ ...f, date: String(e.detail.value) }))}>
          <View className='qm-field organiser-form__input organiser-form__picker' id='event-date' {...asButton(words.create.dateControl(formatFullDate(form.date)))}>{formatFullDate(form.date)}</View>
        </Picker>
        <Text className='organiser-form__label'>{words.create.place}</Text>
        <Input className='qm-field organiser-form__input' id='event-place' {...labelled(words.create.placeName)} value={form.place} maxlength={LIMITS.eventPlaceMaxChars}
          placeholder={words.create.placePlaceholder} onInput={(e) => setForm((f) => ({ ...f, place: e.detail.value }))} />
        {formError && <Text className='organiser-form__error' id='event-error'>{formError}</Text>}
        <Button className='organiser-form__submit' type='primary' block id='event-create' loading={creating} disabled={creating} onClick={submit}>{words.create.submit}</Button>
      </View>

      <View className='organiser-card'>
        <Text className='organiser-card__title'>{words.events.title(view.events.length)}</Text>
        {view.events.length === 0 && <Text className='organiser-card__empty'>{words.events.empty}</Text>}
        {view.events.map((event) => (
          <View key={event.id} className='organiser-row' id={`organiser-event-${event.id}`}>
            <View className='organiser-row__main'>
              <Text className='organiser-row__name'>{event.name}</Text>
              <Text className='organiser-row__meta'>{formatFullDate(event.date)} · {event.place}</Text>
            </View>
            <Text className='organiser-row__count' id={`organiser-count-${event.id}`}>{event.count}</Text>
            <View className='organiser-row__action' {...asButton(words.events.codeOf(event.name))} onClick={() => showCode(event)}>{words.events.code}</View>
          </View>
        ))}
      </View>

      <UnitBoardEditor view={view} onChanged={refresh} />

      <Button block id='organiser-export' onClick={exportCounts}>{words.export.button}</Button>

      <NewsEditor />

      {code && (
        <View className='event-code' id='event-code' {...asDialog(words.code.title, () => setCode(null))}>
          {code.poster
            ? <Image className='event-code__image' id='event-code-image' src={code.poster.image} mode='aspectFit' {...describedImage(code.poster.description)} />
            : <Text className='event-code__loading'>{words.code.drawing}</Text>}
          <View className='event-code__actions'>
            <View className='event-code__action' id='event-code-close' {...asButton()} onClick={() => setCode(null)}>{words.code.close}</View>
            <View className='event-code__action event-code__action--primary' id='event-code-save' {...asButton()} onClick={() => saveCode('standard')}>{words.code.save[posterCanvas.savesTo]}</View>
          </View>
          <View className='event-code__hd' id='event-code-save-hd' {...asButton()} onClick={() => saveCode('hd')}>
            {posterWords.hd.save[posterCanvas.savesTo]}
            <Text className='event-code__hd-note'>{posterWords.hd.note}</Text>
          </View>
        </View>
      )}

      <Canvas type='2d' id={canvas.canvasId} className='organiser__canvas' />
      <PrivacyDialog uses={words.code.privacyUses} />
    </PageFrame>
  )
}
