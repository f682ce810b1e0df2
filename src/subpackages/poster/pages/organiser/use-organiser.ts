import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { getWhoAmI } from '@/services/attribution'
import { messageOf } from '@/services/cloud'
import { createEvent, getOrganiserView } from '@/services/events'
import type { EventInfo, OrganiserResult } from '@/services/events'

/**
 * The counts refresh this often while the page is shown: the server recounts them every 20 s at
 * most, so asking more often would mostly pay for the same numbers.
 */
export const ORGANISER_REFRESH_MS = 30_000

export type OrganiserState =
  | { phase: 'loading' }
  | { phase: 'forbidden' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; view: OrganiserResult }

/** The organiser view's data: admin check, live counts, event creation. */
export function useOrganiser () {
  const [state, setState] = useState<OrganiserState>({ phase: 'loading' })
  const shown = useRef(false)

  const refresh = useCallback(async () => {
    try {
      if (!(await getWhoAmI()).admin) {
        setState({ phase: 'forbidden' })
        return
      }
      const view = await getOrganiserView()
      setState({ phase: 'ready', view })
    } catch (error) {
      // A failed background refresh keeps the counts on screen.
      setState((s) => (s.phase === 'ready' ? s : { phase: 'error', message: messageOf(error) }))
    }
  }, [])

  useDidShow(() => {
    shown.current = true
    void refresh()
  })
  useDidHide(() => { shown.current = false })
  useEffect(() => {
    const timer = setInterval(() => { if (shown.current) void refresh() }, ORGANISER_REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])

  /** Creates the event; resolves it, or rejects with the function's message (input is kept). */
  const create = useCallback(async (input: { name: string; date: string; place: string }): Promise<EventInfo> => {
    const event = await createEvent(input)
    await refresh()
    return event
  }, [refresh])

  return { state, refresh, create, messageOf }
}
