import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { MyPledge } from '@shared/protocol'
import { clearArrival, readArrival } from '@/services/attribution'
import { CloudError, messageOf } from '@/services/cloud'
import { buzz, confirm, toast } from '@/services/feedback'
import { rememberMyPledge } from '@/services/my-pledge'
import { isOnline, onOnline } from '@/services/network'
import { getPledgeStatus, signPledge, withdrawPledge } from '@/services/pledge'
import { clearPending, readPending, savePending } from '@/services/pledge-draft'
import { wordsNow } from '@/words'
import { useLiveTotal } from './use-live-total'

/**
 * The function's `status` is asked on the first show; a later show asks again only when this long
 * has passed since (my pledge rarely changes elsewhere; the total has its own cheaper refresh).
 */
export const STATUS_MIN_INTERVAL_MS = 60_000

export type Phase = 'loading' | 'ready' | 'signing' | 'pending' | 'signed' | 'withdrawing' | 'error'

export interface PledgeState {
  phase: Phase
  total: number | null
  pledge: MyPledge | null
  /** Shown under the button: the last failure, in words for people. */
  error: string | null
  /** Why the company name was not kept, when it was not. */
  notice: string | null
}

/**
 * The pledge page's data and actions: status, one-tap sign, offline queue, withdraw; what the
 * function says of my pledge is remembered for 首页 and 倡议书 (services/my-pledge). Cost: one
 * `status` call per STATUS_MIN_INTERVAL_MS at most; the total in between and the boards come from
 * the public counts (`stats`).
 */
export function usePledge () {
  const [state, setState] = useState<Omit<PledgeState, 'total'>>({ phase: 'loading', pledge: null, error: null, notice: null })
  const [shown, setShown] = useState(false)
  const { total, stats, asking, answered } = useLiveTotal(shown)
  const busy = useRef(false)
  /** When the function last told me my pledge (status asked, sign or withdraw answered); null before that. */
  const statusAt = useRef<number | null>(null)

  const refresh = useCallback(async () => {
    statusAt.current = Date.now()
    asking()
    try {
      const status = await getPledgeStatus()
      answered(status.total)
      rememberMyPledge(status.pledge)
      setState((s) => ({
        ...s,
        pledge: status.pledge,
        // A refresh never interrupts a sign or withdraw in flight, nor a queued tap.
        phase: ['signing', 'withdrawing', 'pending'].includes(s.phase) ? s.phase : status.pledge ? 'signed' : 'ready',
        error: null,
      }))
    } catch (error) {
      setState((s) => ({ ...s, phase: s.phase === 'loading' ? 'error' : s.phase, error: messageOf(error) }))
    }
  }, [asking, answered])

  const send = useCallback(async (company: string | undefined) => {
    if (busy.current) return
    busy.current = true
    setState((s) => ({ ...s, phase: 'signing', error: null, notice: null }))
    asking()
    try {
      // The code or link this person arrived through earns the pledge.
      const result = await signPledge({ company, source: readArrival()?.source })
      clearPending()
      statusAt.current = Date.now()
      answered(result.total)
      rememberMyPledge(result.pledge)
      setState({ phase: 'signed', pledge: result.pledge, error: null, notice: result.companyRejected ? messageFor(result) : null })
      if (!result.alreadyPledged) {
        clearArrival()
        void buzz()
        void toast(wordsNow().pledge.signedToast, 'success')
      }
    } catch (error) {
      if (error instanceof CloudError && error.retryable) {
        // No answer at all: keep the tap and send it when the connection is back.
        savePending({ ...(company ? { company } : {}), queuedAt: new Date().toISOString() })
        setState((s) => ({ ...s, phase: 'pending', error: null }))
      } else {
        setState((s) => ({ ...s, phase: 'ready', error: messageOf(error) }))
      }
    } finally {
      busy.current = false
    }
  }, [asking, answered])

  const sign = useCallback(async (company: string) => {
    const trimmed = company.trim() || undefined
    if (!(await isOnline())) {
      savePending({ ...(trimmed ? { company: trimmed } : {}), queuedAt: new Date().toISOString() })
      setState((s) => ({ ...s, phase: 'pending', error: null }))
      void toast(wordsNow().pledge.queued)
      return
    }
    await send(trimmed)
  }, [send])

  const withdraw = useCallback(async () => {
    if (busy.current) return
    const words = wordsNow().pledge
    if (!(await confirm(words.withdrawTitle, words.withdrawAsk, words.withdrawConfirm))) return
    busy.current = true
    setState((s) => ({ ...s, phase: 'withdrawing', error: null }))
    asking()
    try {
      const result = await withdrawPledge()
      statusAt.current = Date.now()
      answered(result.total)
      rememberMyPledge(null)
      setState({ phase: 'ready', pledge: null, error: null, notice: null })
      void toast(wordsNow().pledge.withdrawnToast)
    } catch (error) {
      setState((s) => ({ ...s, phase: 'signed', error: messageOf(error) }))
    } finally {
      busy.current = false
    }
  }, [asking, answered])

  const flushPending = useCallback(async () => {
    const pending = readPending()
    if (pending === null) return false
    setState((s) => ({ ...s, phase: 'pending' }))
    if (await isOnline()) await send(pending.company)
    return true
  }, [send])

  const visible = useRef(false)
  useDidShow(() => {
    visible.current = true
    void flushPending().then((queued) => {
      if (!visible.current) return
      if (!queued && (statusAt.current === null || Date.now() - statusAt.current >= STATUS_MIN_INTERVAL_MS)) void refresh()
      // After the status call (if any) has gone out, so the public read waits a full period.
      setShown(true)
    })
  })
  useDidHide(() => {
    visible.current = false
    setShown(false)
  })

  useEffect(() => onOnline(() => { void flushPending() }), [flushPending])

  return { state: { ...state, total }, stats, sign, withdraw, retry: refresh }
}

function messageFor (result: { companyRejected: string | null }) {
  const words = wordsNow().pledge
  return result.companyRejected === 'unavailable' ? words.companyUnchecked : words.companyRejected
}
