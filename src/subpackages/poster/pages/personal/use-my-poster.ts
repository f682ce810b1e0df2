import { useCallback, useEffect, useRef, useState } from 'react'
import { getPledgeStatus } from '@/services/pledge'
import type { MyPledge } from '@/services/pledge'
import { personalPoster } from '@/poster'
import type { PosterTemplate } from '@/poster'
import { messageOf } from '@/services/cloud'
import type { DrawnPoster } from '../../draw'
import type { PosterCanvasHook } from '../../use-poster-canvas'

/** Typing a nickname redraws the poster once the typing pauses this long. */
export const REDRAW_DELAY_MS = 300

export type MyPosterState =
  | { phase: 'loading' }
  /** A failed call (what to tell the reader), or a poster the canvas could not draw (the page words it). */
  | { phase: 'error'; cause: 'call'; message: string }
  | { phase: 'error'; cause: 'canvas' }
  | { phase: 'not-pledged' }
  | { phase: 'ready'; pledge: MyPledge; poster: DrawnPoster | null; template: PosterTemplate | null }

/**
 * My pledge poster: N and the company come from the server's `status` reply (never from the
 * client), the nickname from the input; redrawn on the page's hidden canvas as it changes.
 */
export function useMyPoster (canvas: PosterCanvasHook, nickname: string) {
  const [state, setState] = useState<MyPosterState>({ phase: 'loading' })
  const drawnOnce = useRef(false)
  const { draw } = canvas

  const load = useCallback(async () => {
    setState({ phase: 'loading' })
    try {
      const { pledge } = await getPledgeStatus()
      setState(pledge === null ? { phase: 'not-pledged' } : { phase: 'ready', pledge, poster: null, template: null })
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
        const template = personalPoster({ number: pledge.number, company: pledge.company ?? undefined, nickname, date: pledge.pledgedAt })
        const { image, description } = await draw({ template })
        const poster = { image, description }
        drawnOnce.current = true
        if (!cancelled) setState({ phase: 'ready', pledge, poster, template })
      } catch {
        if (!cancelled) setState({ phase: 'error', cause: 'canvas' })
      }
    }, drawnOnce.current ? REDRAW_DELAY_MS : 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [draw, pledge, nickname])

  return { state, retry: load }
}
