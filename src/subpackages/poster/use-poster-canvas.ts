import { useCallback, useEffect, useRef, useState } from 'react'
import type { PosterTemplate } from '@/poster'
import type { CodeArt, PosterAssets, PosterImage, RenderTarget } from '@/poster/render'
import { posterCanvas } from '@/services/canvas'
import type { PosterCanvas } from '@/services/canvas-types'
import { toast } from '@/services/feedback'
import { wordsNow } from '@/words'
import { POSTER_WORDS } from '@/words/poster'
import { drawPoster, exportPoster, RENDER_CSS_WIDTH, shareCodeOrNone } from './draw'
import type { ExportSize } from './draw'

type SavesTo = PosterCanvas['savesTo']

/** What the toasts after saving say, read when the toast shows (the script may change meanwhile). */
export interface SaveWords {
  saved: Record<SavesTo, string>
  notSaved: Record<SavesTo, string>
  /** The poster could not be drawn at any size. */
  failed: string
}

const posterSaveWords = (): SaveWords => {
  const now = wordsNow(POSTER_WORDS)
  return { saved: now.saved, notSaved: now.notSaved, failed: now.drawFailed }
}

/** A poster to draw: its template, what fills its code slots (left out: my share code) and a signature. */
export interface PosterJob {
  template: PosterTemplate
  code?: CodeArt | null
  signature?: PosterImage | null
}

/**
 * One hidden `<Canvas type='2d' id={canvasId}>` on a poster page (gallery, my poster, event codes):
 * finds it once, fetches my share code once, draws on it one poster at a time, and saves or sends
 * a poster at a saved size with the toasts that follow. `busy` is true while a save or send runs;
 * taps meanwhile are ignored.
 */
export function usePosterCanvas (canvasId: string) {
  const node = useRef<Promise<RenderTarget> | null>(null)
  const code = useRef<Promise<CodeArt | null> | null>(null)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const acting = useRef(false)
  const mounted = useRef(true)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    mounted.current = true
    return () => { mounted.current = false }
  }, [])

  /** Runs `job` on the canvas once the drawings before it are done. */
  const run = useCallback(<T>(job: (canvas: RenderTarget) => Promise<T>): Promise<T> => {
    const next = queue.current.then(async () => {
      if (node.current === null) {
        node.current = posterCanvas.canvasNode(canvasId)
        // A canvas not found now may be found later (a retry): do not keep the failure.
        node.current.catch(() => { node.current = null })
      }
      return job(await node.current)
    })
    queue.current = next.catch(() => undefined)
    return next
  }, [canvasId])

  /** My share code for the code slots, fetched once per page (or none, after SHARE_CODE_WAIT_MS). */
  const codeFor = useCallback(async (canvas: RenderTarget, job: PosterJob) => {
    if (job.code !== undefined) return job.code
    code.current ??= shareCodeOrNone(canvas)
    return code.current
  }, [])
  const assetsFor = useCallback(async (canvas: RenderTarget, job: PosterJob): Promise<PosterAssets> => (
    { code: await codeFor(canvas, job), signature: job.signature ?? null }
  ), [codeFor])

  /** Draws a poster to be seen, `cssWidth` wide on screen; `withCode` tells whether its code slots are filled. */
  const draw = useCallback((job: PosterJob, cssWidth = RENDER_CSS_WIDTH) => run(async (canvas) => {
    const assets = await assetsFor(canvas, job)
    const poster = await drawPoster(canvas, job.template, assets, cssWidth)
    return { ...poster, withCode: assets.code != null }
  }), [run, assetsFor])

  const exportAt = useCallback((job: PosterJob, size: ExportSize) => run(async (canvas) => {
    return exportPoster(canvas, job.template, await assetsFor(canvas, job), size)
  }), [run, assetsFor])

  const guarded = useCallback(async (action: () => Promise<void>) => {
    if (acting.current) return
    acting.current = true
    setBusy(true)
    try {
      await action()
    } finally {
      acting.current = false
      if (mounted.current) setBusy(false)
    }
  }, [])

  /** Saves the poster at `size` (高清 or standard) where people keep pictures, and says how it went. */
  const save = useCallback((job: PosterJob, fileName: string, size: ExportSize = 'standard', words: () => SaveWords = posterSaveWords) => guarded(async () => {
    const poster = await exportAt(job, size).catch(() => null)
    if (!poster) {
      void toast(words().failed)
      return
    }
    const saved = await posterCanvas.saveImage(poster.image, fileName)
    const now = words()
    const { savesTo } = posterCanvas
    if (!saved) void toast(now.notSaved[savesTo])
    // Smaller than asked: say so, and how large it is.
    else if (poster.reduced) void toast(wordsNow(POSTER_WORDS).reduced[savesTo](poster.width, poster.height))
    else void toast(now.saved[savesTo], 'success')
  }), [exportAt, guarded])

  /** Offers the poster, at the standard saved size, to send to a friend. */
  const share = useCallback((job: PosterJob, fileName: string, words: () => SaveWords = posterSaveWords) => guarded(async () => {
    const poster = await exportAt(job, 'standard').catch(() => null)
    if (!poster) {
      void toast(words().failed)
      return
    }
    await posterCanvas.shareImage(poster.image, fileName)
  }), [exportAt, guarded])

  return { canvasId, run, draw, save, share, busy }
}

export type PosterCanvasHook = ReturnType<typeof usePosterCanvas>
