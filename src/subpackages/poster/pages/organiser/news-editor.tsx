import { useRef, useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EVENT_DATE_RANGE, LIMITS } from '@shared/protocol'
import { useWords } from '@/hooks/use-words'
import { asButton, labelled } from '@/services/a11y'
import { messageOf } from '@/services/cloud'
import { confirm, toast } from '@/services/feedback'
import type { NewsReport } from '@/services/organiser-edits'
import { scrollToElement } from '@/services/scroll'
import { formatFullDate } from '@/utils/format-date'
import { wordsNow } from '@/words'
import { ORGANISER_WORDS } from '@/words/organiser'
import { today } from './local-time'
import { useNewsReports } from './use-news-reports'

interface Form {
  /** The report being edited; null while adding one. */
  id: string | null
  source: string
  title: string
  date: string
  link: string
}

const blank = (date: string): Form => ({ id: null, source: '', title: '', date, link: '' })

/**
 * 媒体报道 for 首页: the reports organisers added (shown above the document's five), each to edit
 * or remove, and the form that adds or edits one. The function checks every field; its message is
 * shown under the form, whose input stays until a save succeeds.
 */
export default function NewsEditor () {
  const { news: words } = useWords(ORGANISER_WORDS)
  const { common } = useWords()
  const { reports, loadError, save, remove } = useNewsReports()
  const [form, setForm] = useState<Form>(() => blank(today()))
  const [formError, setFormError] = useState<string | null>(null)
  const [listError, setListError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [removing, setRemoving] = useState<string | null>(null)
  // Taps land before React re-renders the busy state: the refs turn the second one away.
  const busy = useRef(false)
  const change = (field: keyof Omit<Form, 'id'>) => (value: string) => setForm((f) => ({ ...f, [field]: value }))

  async function submit () {
    if (busy.current) return
    busy.current = true
    setSaving(true)
    setFormError(null)
    try {
      const link = form.link.trim()
      await save({ ...(form.id ? { id: form.id } : {}), source: form.source, title: form.title, date: form.date, ...(link ? { link } : {}) })
      const now = wordsNow(ORGANISER_WORDS).news
      void toast(form.id ? now.saved : now.added, 'success')
      setForm((f) => blank(f.date))
    } catch (error) {
      setFormError(messageOf(error))
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  function edit (report: NewsReport) {
    if (busy.current) return
    setFormError(null)
    setForm({ id: report.id, source: report.source, title: report.title, date: report.date, link: report.link ?? '' })
    void scrollToElement('#news-form').catch(() => undefined)
  }

  async function removeReport (report: NewsReport) {
    if (busy.current) return
    busy.current = true
    const sure = await confirm(words.removeAsk, words.removeBody(report.title), words.removeConfirm).catch(() => false)
    if (!sure) {
      busy.current = false
      return
    }
    setRemoving(report.id)
    setListError(null)
    try {
      await remove(report.id)
      setForm((f) => (f.id === report.id ? blank(f.date) : f))
      void toast(wordsNow(ORGANISER_WORDS).news.removed, 'success')
    } catch (error) {
      setListError(messageOf(error))
    } finally {
      busy.current = false
      setRemoving(null)
    }
  }

  return (
    <View className='organiser-card' id='news-editor'>
      <Text className='organiser-card__title'>{reports ? words.titleCount(reports.length) : words.title}</Text>
      <Text className='organiser-card__note'>{words.note}</Text>
      {reports === null && <Text className='organiser-card__empty'>{loadError ?? common.loading}</Text>}
      {reports?.length === 0 && <Text className='organiser-card__empty'>{words.empty}</Text>}
      {reports?.map((report) => (
        <View key={report.id} className='organiser-row' id={`news-report-${report.id}`}>
          <View className='organiser-row__main'>
            <Text className='organiser-row__name'>{report.title}</Text>
            <Text className='organiser-row__meta'>{report.source} · {formatFullDate(report.date)}</Text>
            <Text className='organiser-row__meta organiser-row__link'>{report.link ?? words.noLink}</Text>
          </View>
          <View className='organiser-row__actions'>
            <View className='organiser-row__action' id={`news-edit-${report.id}`} {...asButton(words.editControl(report.title))} onClick={() => edit(report)}>{words.edit}</View>
            <View className='organiser-row__action' id={`news-remove-${report.id}`} {...asButton(words.removeControl(report.title))} onClick={() => removeReport(report)}>
              {removing === report.id ? words.removing : words.remove}
            </View>
          </View>
        </View>
      ))}
      {listError && <Text className='organiser-form__error' id='news-list-error'>{listError}</Text>}

      <View className='organiser-form' id='news-form'>
        <Text className='organiser-form__heading'>{form.id ? words.editHeading : words.addHeading}</Text>
        <Text className='organiser-form__label'>{words.source}</Text>
        <Input className='qm-field organiser-form__input' id='news-form-source' {...labelled(words.source)} value={form.source} maxlength={LIMITS.newsSourceMaxChars}
          placeholder={words.sourcePlaceholder} onInput={(e) => change('source')(e.detail.value)} />
        <Text className='organiser-form__label'>{words.headline}</Text>
        <Input className='qm-field organiser-form__input' id='news-form-title' {...labelled(words.headlineName)} value={form.title} maxlength={LIMITS.newsTitleMaxChars}
          placeholder={words.headlinePlaceholder} onInput={(e) => change('title')(e.detail.value)} />
        <Text className='organiser-form__label'>{words.date}</Text>
        <Picker id='news-form-date-picker' mode='date' value={form.date} start={EVENT_DATE_RANGE.first} end={EVENT_DATE_RANGE.last} onChange={(e) => change('date')(String(e.detail.value))}>
          <View className='qm-field organiser-form__input organiser-form__picker' id='news-form-date' {...asButton(words.dateControl(formatFullDate(form.date)))}>{formatFullDate(form.date)}</View>
        </Picker>
        <Text className='organiser-form__label'>{words.link}</Text>
        <Input className='qm-field organiser-form__input' id='news-form-link' {...labelled(words.linkName)} value={form.link} maxlength={LIMITS.newsLinkMaxChars}
          placeholder='https://…' onInput={(e) => change('link')(e.detail.value)} />
        {formError && <Text className='organiser-form__error' id='news-form-error'>{formError}</Text>}
        <Button className='organiser-form__submit' type='primary' block id='news-form-save' loading={saving} disabled={saving} onClick={submit}>
          {form.id ? words.saveEdit : words.add}
        </Button>
        {form.id && (
          <Button className='organiser-form__cancel' block id='news-form-cancel' disabled={saving} onClick={() => { setFormError(null); setForm((f) => blank(f.date)) }}>{words.cancelEdit}</Button>
        )}
      </View>
    </View>
  )
}
