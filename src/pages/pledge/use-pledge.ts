import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { MyPledge } from '../../../cloud/core/protocol'
import { clearArrival, readArrival } from '@/services/attribution'
import { CloudError } from '@/services/cloud'
import { buzz, confirm, toast } from '@/services/feedback'
import { platform } from '@/services/platform'
import { getPledgeStatus, signPledge, withdrawPledge } from '@/services/pledge'
import { clearPending, readPending, savePending } from '@/services/pledge-draft'

/** The total refreshes on show and then at most this often while the page is shown. */
export const REFRESH_INTERVAL_MS = 10_000

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

const messageOf = (error: unknown) =>
  error instanceof CloudError ? error.message : '出了点问题，请稍后重试'

/** The pledge page's data and actions: status, one-tap sign, offline queue, withdraw. */
export function usePledge () {
  const [state, setState] = useState<PledgeState>({ phase: 'loading', total: null, pledge: null, error: null, notice: null })
  const busy = useRef(false)
  const lastRefresh = useRef(0)

  const refresh = useCallback(async (showError: boolean) => {
    lastRefresh.current = Date.now()
    try {
      const status = await getPledgeStatus()
      setState((s) => ({
        ...s,
        total: status.total,
        pledge: status.pledge,
        // A refresh never interrupts a sign or withdraw in flight, nor a queued tap.
        phase: ['signing', 'withdrawing', 'pending'].includes(s.phase) ? s.phase : status.pledge ? 'signed' : 'ready',
        error: null,
      }))
    } catch (error) {
      if (showError) setState((s) => ({ ...s, phase: s.phase === 'loading' ? 'error' : s.phase, error: messageOf(error) }))
    }
  }, [])

  const send = useCallback(async (company: string | undefined) => {
    if (busy.current) return
    busy.current = true
    setState((s) => ({ ...s, phase: 'signing', error: null, notice: null }))
    try {
      // The code or link this person arrived through earns the pledge.
      const result = await signPledge({ company, source: readArrival()?.source })
      clearPending()
      setState({ phase: 'signed', total: result.total, pledge: result.pledge, error: null, notice: result.companyRejected ? messageFor(result) : null })
      if (!result.alreadyPledged) {
        clearArrival()
        void buzz()
        void toast('承诺成功', 'success')
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
  }, [])

  const sign = useCallback(async (company: string) => {
    const trimmed = company.trim() || undefined
    if (!(await platform.isOnline())) {
      savePending({ ...(trimmed ? { company: trimmed } : {}), queuedAt: new Date().toISOString() })
      setState((s) => ({ ...s, phase: 'pending', error: null }))
      void toast('已记录，联网后自动提交')
      return
    }
    await send(trimmed)
  }, [send])

  const withdraw = useCallback(async () => {
    if (busy.current) return
    if (!(await confirm('撤回承诺', '撤回后你的承诺编号不会保留，确定撤回吗？', '撤回'))) return
    busy.current = true
    setState((s) => ({ ...s, phase: 'withdrawing', error: null }))
    try {
      const result = await withdrawPledge()
      setState({ phase: 'ready', total: result.total, pledge: null, error: null, notice: null })
      void toast('已撤回')
    } catch (error) {
      setState((s) => ({ ...s, phase: 'signed', error: messageOf(error) }))
    } finally {
      busy.current = false
    }
  }, [])

  const flushPending = useCallback(async () => {
    const pending = readPending()
    if (pending === null) return false
    setState((s) => ({ ...s, phase: 'pending' }))
    if (await platform.isOnline()) await send(pending.company)
    return true
  }, [send])

  const shown = useRef(false)
  useDidShow(() => {
    shown.current = true
    void flushPending().then((queued) => { if (!queued) void refresh(true) })
  })
  useDidHide(() => { shown.current = false })

  useEffect(() => {
    const timer = setInterval(() => {
      if (shown.current && Date.now() - lastRefresh.current >= REFRESH_INTERVAL_MS) void refresh(false)
    }, REFRESH_INTERVAL_MS)
    const stop = platform.onOnline(() => { void flushPending() })
    return () => {
      clearInterval(timer)
      stop()
    }
  }, [refresh, flushPending])

  return { state, sign, withdraw, retry: () => refresh(true) }
}

function messageFor (result: { companyRejected: string | null }) {
  return result.companyRejected === 'unavailable'
    ? '单位名称暂时无法审核，已为你记录承诺，未保存单位名称。'
    : '单位名称未通过内容安全检查，已为你记录承诺，未保存单位名称。'
}
