import { useRef, useState } from 'react'
import { Canvas, Image, Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMITS } from '../../../../../cloud/core/protocol'
import { campaign } from '@/content'
import PageFrame from '@/components/page-frame'
import PrivacyDialog from '@/components/privacy-dialog'
import StateView from '@/components/state-view'
import { useDialogFocus } from '@/hooks/use-dialog-focus'
import { useFriendShare } from '@/hooks/use-page-share'
import { eventCodeCard } from '@/poster'
import { asButton, asDialog, describedImage, labelled } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import type { EventInfo } from '@/services/events'
import { toast } from '@/services/feedback'
import { exportCsv } from '@/services/files'
import { ROUTES } from '@/services/navigation'
import { loadEventCode } from '@/services/share-code'
import { formatFullDate } from '@/utils/format-date'
import { drawPoster } from '../../draw'
import type { DrawnPoster } from '../../draw'
import { organiserCsv } from './csv'
import { today } from './local-time'
import NewsEditor from './news-editor'
import UnitBoardEditor from './unit-board-editor'
import { useOrganiser } from './use-organiser'
import './index.scss'

const CANVAS_ID = 'event-code-canvas'

export default function OrganiserPage () {
  // Shares of this page invite to pledge: the organiser view itself is for organisers only.
  useFriendShare({ title: campaign.pageTitle, path: ROUTES.pledge })
  const { state, refresh, create, messageOf } = useOrganiser()
  const [form, setForm] = useState({ name: '', date: today(), place: '' })
  const [formError, setFormError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [code, setCode] = useState<{ event: EventInfo; poster: DrawnPoster | null } | null>(null)
  useDialogFocus(code !== null, 'event-code')
  const busy = useRef(false)

  async function submit () {
    if (creating) return
    setCreating(true)
    setFormError(null)
    try {
      const event = await create(form)
      setForm((f) => ({ ...f, name: '', place: '' }))
      void toast('活动已创建', 'success')
      void showCode(event)
    } catch (error) {
      setFormError(messageOf(error))
    } finally {
      setCreating(false)
    }
  }

  async function showCode (event: EventInfo) {
    setCode({ event, poster: null })
    try {
      const canvas = await posterCanvas.canvasNode(CANVAS_ID)
      const art = await loadEventCode(canvas, event)
      if (art === null) throw new Error('no code')
      const poster = await drawPoster(canvas, eventCodeCard(event), art)
      setCode((current) => (current?.event.id === event.id ? { event, poster } : current))
    } catch {
      setCode(null)
      void toast('活动码暂时无法生成，请稍后重试')
    }
  }

  async function saveCode () {
    if (busy.current || !code?.poster) return
    busy.current = true
    try {
      const saved = await posterCanvas.saveImage(code.poster.image, `活动码-${code.event.name}.png`)
      void toast(saved ? '已保存' : '未保存', saved ? 'success' : 'none')
    } finally {
      busy.current = false
    }
  }

  async function exportCounts () {
    if (state.phase !== 'ready') return
    const ok = await exportCsv(`质量月承诺统计-${today()}.csv`, organiserCsv(state.view))
    if (!ok) void toast('未导出')
  }

  if (state.phase === 'loading') return <PageFrame className='organiser'><StateView title='正在加载…' /></PageFrame>
  if (state.phase === 'forbidden') {
    return <PageFrame className='organiser'><StateView title='仅限活动组织者' description='组织者后台只对活动组织者开放。' /></PageFrame>
  }
  if (state.phase === 'error') {
    return <PageFrame className='organiser'><StateView title='暂时无法连接' description={state.message} /></PageFrame>
  }

  const { view } = state
  return (
    <PageFrame className='organiser'>
      <View className='organiser-summary'>
        <View className='organiser-summary__item'>
          <Text className='organiser-summary__number' id='organiser-total'>{view.total}</Text>
          <Text className='organiser-summary__label'>全部承诺</Text>
        </View>
        <View className='organiser-summary__item'>
          <Text className='organiser-summary__number' id='organiser-via-shares'>{view.viaShares}</Text>
          <Text className='organiser-summary__label'>经分享链接或海报</Text>
        </View>
      </View>

      <View className='organiser-card'>
        <Text className='organiser-card__title'>新建活动</Text>
        <Text className='organiser-form__label'>活动名称</Text>
        <Input className='qm-field organiser-form__input' id='event-name' {...labelled('活动名称')} value={form.name} maxlength={LIMITS.eventNameMaxChars}
          placeholder='例如：质量月主题宣传活动' onInput={(e) => setForm((f) => ({ ...f, name: e.detail.value }))} />
        <Text className='organiser-form__label'>日期</Text>
        <Picker mode='date' value={form.date} start='2024-01-01' end='2099-12-31' onChange={(e) => setForm((f) => ({ ...f, date: String(e.detail.value) }))}>
          <View className='qm-field organiser-form__input organiser-form__picker' id='event-date' {...asButton(`活动日期：${formatFullDate(form.date)}，点击修改`)}>{formatFullDate(form.date)}</View>
        </Picker>
        <Text className='organiser-form__label'>地点</Text>
        <Input className='qm-field organiser-form__input' id='event-place' {...labelled('活动地点')} value={form.place} maxlength={LIMITS.eventPlaceMaxChars}
          placeholder='活动举办地点' onInput={(e) => setForm((f) => ({ ...f, place: e.detail.value }))} />
        {formError && <Text className='organiser-form__error' id='event-error'>{formError}</Text>}
        <Button className='organiser-form__submit' type='primary' block id='event-create' loading={creating} disabled={creating} onClick={submit}>创建活动并生成活动码</Button>
      </View>

      <View className='organiser-card'>
        <Text className='organiser-card__title'>活动（{view.events.length}）</Text>
        {view.events.length === 0 && <Text className='organiser-card__empty'>还没有活动。创建后可下载活动码，现场扫码即计入该活动。</Text>}
        {view.events.map((event) => (
          <View key={event.id} className='organiser-row' id={`organiser-event-${event.id}`}>
            <View className='organiser-row__main'>
              <Text className='organiser-row__name'>{event.name}</Text>
              <Text className='organiser-row__meta'>{formatFullDate(event.date)} · {event.place}</Text>
            </View>
            <Text className='organiser-row__count' id={`organiser-count-${event.id}`}>{event.count}</Text>
            <View className='organiser-row__action' {...asButton(`${event.name}的活动码`)} onClick={() => showCode(event)}>活动码</View>
          </View>
        ))}
      </View>

      <UnitBoardEditor view={view} onChanged={refresh} />

      <Button block id='organiser-export' onClick={exportCounts}>导出统计（CSV，仅汇总人数）</Button>

      <NewsEditor />

      {code && (
        <View className='event-code' id='event-code' {...asDialog('活动码', () => setCode(null))}>
          {code.poster
            ? <Image className='event-code__image' id='event-code-image' src={code.poster.image} mode='aspectFit' {...describedImage(code.poster.description)} />
            : <Text className='event-code__loading'>正在生成活动码…</Text>}
          <View className='event-code__actions'>
            <View className='event-code__action' id='event-code-close' {...asButton()} onClick={() => setCode(null)}>关闭</View>
            <View className='event-code__action event-code__action--primary' id='event-code-save' {...asButton()} onClick={saveCode}>保存活动码</View>
          </View>
        </View>
      )}

      <Canvas type='2d' id={CANVAS_ID} className='organiser__canvas' />
      <PrivacyDialog uses='保存活动码到相册' />
    </PageFrame>
  )
}
