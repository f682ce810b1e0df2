import { useCallback, useEffect, useRef, useState } from 'react'
import { getPledgeStatus } from '@/services/pledge'
import type { MyPledge } from '@/services/pledge'
import { personalPoster } from '@/poster'
import type { PersonalLayout } from '@/poster'
import { posterCanvas } from '@/services/canvas'
import { messageOf } from '@/services/cloud'
import { readCompany } from '@/services/pledge-draft'
import type { DrawnPoster } from '../../draw'
import { signatureImage } from '../../signature'
import type { Strokes } from '../../signature'
import type { PosterCanvasHook, PosterJob } from '../../use-poster-canvas'

/** Typing a nickname redraws the poster once the typing pauses this long. */
export const REDRAW_DELAY_MS = 300

export type MyPosterState =
  | { phase: 'loading' }
  /** A failed call (what to tell the reader), or a poster the canvas could not draw (the page words it). */
  | { phase: 'error'; cause: 'call'; message: string }
  | { phase: 'error'; cause: 'canvas' }
  | { phase: 'not-pledged' }
  | { phase: 'ready'; pledge: MyPledge; poster: DrawnPoster | null; job: PosterJob | null }

/** What I choose for my poster on the page. */
export interface MyPosterChoices {
  nickname: string
  layout: PersonalLayout
  /** My handwritten signature, or none. */
  signature: Strokes | null
  /** The hidden canvas the signature is drawn on for the poster. */
  signatureCanvasId: string
}

/**
 * My pledge poster: N and the pledge date come from the server's `status` reply (never from the
 * client), the company from it too, else the one I typed on this device; the nickname, layout and
 * signature from the page. Redrawn on the page's hidden canvas as they change.
 */
export function useMyPoster (canvas: PosterCanvasHook, { nickname, layout, signature, signatureCanvasId }: MyPosterChoices) {
  const [state, setState] = useState<MyPosterState>({ phase: 'loading' })
  const drawnOnce = useRef(false)
  const { draw } = canvas

  const load = useCallback(async () => {
    setState({ phase: 'loading' })
    try {
      const { pledge } = await getPledgeStatus()
      setState(pledge === null ? { phase: 'not-pledged' } : { phase: 'ready', pledge, poster: null, job: null })
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
        const company = pledge.company ?? (readCompany() || undefined)
        const template = personalPoster({ number: pledge.number, company, nickname, pledgedOn: pledge.pledgedAt }, layout)
        const job: PosterJob = {
          template,
          signature: signature ? signatureImage(await posterCanvas.canvasNode(signatureCanvasId), signature) : null,
        }
        const { image, description } = await draw(job)
        const poster = { image, description }
        drawnOnce.current = true
        if (!cancelled) setState({ phase: 'ready', pledge, poster, job })
      } catch {
        if (!cancelled) setState({ phase: 'error', cause: 'canvas' })
      }
    }, drawnOnce.current ? REDRAW_DELAY_MS : 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [draw, pledge, nickname, layout, signature, signatureCanvasId])

  return { state, retry: load }
}
