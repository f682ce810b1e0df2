import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useWords } from '@/hooks/use-words'
import { asButton } from '@/services/a11y'
import { messageOf } from '@/services/cloud'
import type { OrganiserResult } from '@/services/events'
import { confirm, toast } from '@/services/feedback'
import type { HiddenCompany } from '@/services/organiser-edits'
import { setCompanyHidden } from '@/services/organiser-edits'
import { wordsNow } from '@/words'
import { ORGANISER_WORDS } from '@/words/organiser'
import { monthDayTime } from './local-time'

interface UnitBoardEditorProps {
  view: OrganiserResult
  /** Reads the organiser view again once a name is hidden or shown. */
  onChanged: () => Promise<void>
}

interface Row {
  company: string
  /** null for a hidden name no longer among the most-named the view lists. */
  count: number | null
  hidden: HiddenCompany | null
}

/** Every named unit with its count, and hidden names the view no longer lists, so they can be restored. */
function rowsOf ({ companies, hidden }: OrganiserResult): Row[] {
  const marks = new Map(hidden.map((mark) => [mark.company, mark]))
  const listed = new Set(companies.map((entry) => entry.company))
  return [
    ...companies.map((entry) => ({ ...entry, hidden: marks.get(entry.company) ?? null })),
    ...hidden.filter((mark) => !listed.has(mark.company)).map((mark) => ({ company: mark.company, count: null, hidden: mark })),
  ]
}

/**
 * 单位榜: unit names are typed by those who pledge, so an organiser can take one off the public
 * board (asked to confirm first) and put it back; a hidden name still counts, and says who hid it and when.
 */
export default function UnitBoardEditor ({ view, onChanged }: UnitBoardEditorProps) {
  const words = useWords(ORGANISER_WORDS)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Taps land before React re-renders the busy state: the ref turns the second one away.
  const acting = useRef(false)
  const rows = rowsOf(view)

  async function toggle (row: Row) {
    if (acting.current) return
    acting.current = true
    const hide = row.hidden === null
    const sure = !hide || await confirm(words.units.hideAsk, words.units.hideBody(row.company), words.units.hideConfirm).catch(() => false)
    if (!sure) {
      acting.current = false
      return
    }
    setBusy(row.company)
    setError(null)
    try {
      await setCompanyHidden(row.company, hide)
      await onChanged()
      const now = wordsNow(ORGANISER_WORDS).units
      void toast(hide ? now.hiddenToast : now.shownToast, 'success')
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      acting.current = false
      setBusy(null)
    }
  }

  return (
    <View className='organiser-card' id='unit-board-editor'>
      <Text className='organiser-card__title'>{words.units.title}</Text>
      <Text className='organiser-card__note'>{words.units.note}</Text>
      {rows.length === 0 && <Text className='organiser-card__empty'>{words.units.empty}</Text>}
      {rows.map((row, index) => (
        <View key={row.company} className={`organiser-row${row.hidden ? ' organiser-row--hidden' : ''}`} id={`unit-${index}`}>
          <View className='organiser-row__main'>
            <Text className='organiser-row__name'>{row.company}</Text>
            {row.hidden && (
              <Text className='organiser-row__meta organiser-row__hidden-by'>{words.units.hiddenBy(row.hidden.hiddenBy, monthDayTime(row.hidden.hiddenAt, words))}</Text>
            )}
          </View>
          {row.count !== null && <Text className='organiser-row__count'>{row.count}</Text>}
          <View className='organiser-row__action' id={`unit-toggle-${index}`} {...asButton(row.hidden ? words.units.showControl(row.company) : words.units.hideControl(row.company))} onClick={() => toggle(row)}>
            {busy === row.company ? words.units.wait : row.hidden ? words.units.show : words.units.hide}
          </View>
        </View>
      ))}
      {error && <Text className='organiser-form__error' id='unit-board-error'>{error}</Text>}
    </View>
  )
}
