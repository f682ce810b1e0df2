import { useCallback, useEffect, useRef, useState } from 'react'
import { getPledgeStatus } from '@/services/pledge'
import type { MyPledge } from '@/services/pledge'
import { personalPoster } from '@/poster'
import type { CodeArt, RenderTarget } from '@/poster/render'
import { messageOf } from '@/services/cloud'
import { posterCanvas } from '@/services/canvas'
import { drawPoster, shareCodeOrNone } from '../../draw'
import type { DrawnPoster } from '../../draw'

/** Typing a nickname redraws the poster once the typing pauses this long. */
export const REDRAW_DELAY_MS = 300

export type MyPosterState =
  | { phase: 'loading' }
  /** A failed call (what to tell the reader), or a poster the canvas could not draw (the page words it). */
  | { phase: 'error'; cause: 'call'; message: string }
  | { phase: 'error'; cause: 'canvas' }
  | { phase: 'not-pledged' }
  | { phase: 'ready'; pledge: MyPledge; poster: DrawnPoster | null }

/**
 * My pledge poster: N and the company come from the server's `status` reply (never from the
 * client), the nickname from the input; redrawn on the page's hidden canvas as it changes.
 */
export function useMyPoster (canvasId: string, nickname: string) {
  const [state, setState] = useState<MyPosterState>({ phase: 'loading' })
  const canvas = useRef<{ node: RenderTarget; code: CodeArt | null } | null>(null)

  const load = useCallback(async () => {
    setState({ phase: 'loading' })
    try {
      const { pledge } = await getPledgeStatus()
      setState(pledge === null ? { phase: 'not-pledged' } : { phase: 'ready', pledge, poster: null })
    } catch (error) {
      setState({ phase: 'error', cause: 'call', message: messageOf(error) })
    }
  }, [])

  useEffect(() => { void load() }, [load])

  const pledge = state.phase === 'ready' ? state.pledge : null
  useEffect(() => {
    if (pledge === null) return
    let cancelled = false
    const timer = setTimeout(async () => {
      try {
        if (canvas.current === null) {
          const node = await posterCanvas.canvasNode(canvasId)
          canvas.current = { node, code: await shareCodeOrNone(node) }
        }
        const { node, code } = canvas.current
        const template = personalPoster({ number: pledge.number, company: pledge.company ?? undefined, nickname, date: pledge.pledgedAt })
        const poster = await drawPoster(node, template, code)
        if (!cancelled) setState({ phase: 'ready', pledge, poster })
      } catch {
        if (!cancelled) setState({ phase: 'error', cause: 'canvas' })
      }
    }, canvas.current === null ? 0 : REDRAW_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [canvasId, pledge, nickname])

  return { state, retry: load }
}
