import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { asButton } from '@/services/a11y'
import type { OrganiserResult } from '@/services/events'
import { confirm, toast } from '@/services/feedback'
import type { HiddenCompany } from '@/services/organiser-edits'
import { setCompanyHidden } from '@/services/organiser-edits'
import { monthDayTime } from './local-time'
import { messageOf } from './use-organiser'

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
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Taps land before React re-renders the busy state: the ref turns the second one away.
  const acting = useRef(false)
  const rows = rowsOf(view)

  async function toggle (row: Row) {
    if (acting.current) return
    acting.current = true
    const hide = row.hidden === null
    const sure = !hide || await confirm('在单位榜上隐藏？', `“${row.company}”将不再出现在公开的单位榜上，其承诺仍计入总数。`, '隐藏').catch(() => false)
    if (!sure) {
      acting.current = false
      return
    }
    setBusy(row.company)
    setError(null)
    try {
      await setCompanyHidden(row.company, hide)
      await onChanged()
      void toast(hide ? '已隐藏' : '已恢复显示', 'success')
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      acting.current = false
      setBusy(null)
    }
  }

  return (
    <View className='organiser-card' id='unit-board-editor'>
      <Text className='organiser-card__title'>单位榜</Text>
      <Text className='organiser-card__note'>承诺页的单位榜公开显示承诺人数最多的单位。隐藏的名称在半分钟内从公开的单位榜上消失，其承诺仍计入总数。</Text>
      {rows.length === 0 && <Text className='organiser-card__empty'>还没有填写单位的承诺。</Text>}
      {rows.map((row, index) => (
        <View key={row.company} className={`organiser-row${row.hidden ? ' organiser-row--hidden' : ''}`} id={`unit-${index}`}>
          <View className='organiser-row__main'>
            <Text className='organiser-row__name'>{row.company}</Text>
            {row.hidden && (
              <Text className='organiser-row__meta organiser-row__hidden-by'>已隐藏 · {row.hidden.hiddenBy} 于 {monthDayTime(row.hidden.hiddenAt)}</Text>
            )}
          </View>
          {row.count !== null && <Text className='organiser-row__count'>{row.count}</Text>}
          <View className='organiser-row__action' id={`unit-toggle-${index}`} {...asButton(`${row.hidden ? '恢复显示' : '在单位榜上隐藏'}：${row.company}`)} onClick={() => toggle(row)}>
            {busy === row.company ? '请稍候…' : row.hidden ? '恢复' : '隐藏'}
          </View>
        </View>
      ))}
      {error && <Text className='organiser-form__error' id='unit-board-error'>{error}</Text>}
    </View>
  )
}
