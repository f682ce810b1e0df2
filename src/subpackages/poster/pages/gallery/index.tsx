import { useCallback, useEffect, useRef, useState } from 'react'
import { Canvas, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
// PrivacyDialog first: it brings NutUI's CSS, which every other page loads before the frame's.
import PrivacyDialog from '@/components/privacy-dialog'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { published } from '@/content'
import { useDialogFocus } from '@/hooks/use-dialog-focus'
import { usePageShare } from '@/hooks/use-page-share'
import { useBarWords, useWords } from '@/hooks/use-words'
import { posterTemplates } from '@/poster'
import type { PosterTemplate } from '@/poster'
import { asButton, asDialog, describedImage } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import { inMomentsSinglePage } from '@/services/moments'
import { ROUTES } from '@/services/navigation'
import { POSTER_WORDS } from '@/words/poster'
import { RENDER_CSS_WIDTH } from '../../draw'
import type { DrawnPoster } from '../../draw'
import { usePosterCanvas } from '../../use-poster-canvas'
import type { PosterCanvasHook } from '../../use-poster-canvas'
import './index.scss'

const CANVAS_ID = 'poster-canvas'

/** A grid cell is about 165 px wide on a 375 px screen: thumbnails drawn this wide hold ¼ of a full poster's pixels. */
export const THUMB_CSS_WIDTH = 180

type Size = 'thumb' | 'full'
const CSS_WIDTH: Record<Size, number> = { thumb: THUMB_CSS_WIDTH, full: RENDER_CSS_WIDTH }

/**
 * Drawn posters for the rest of the launch (weapp temp files live as long): reopening the
 * gallery shows them at once. Only posters carrying the share code are kept, so one drawn
 * offline is drawn again next time.
 */
const drawnPosters: Record<Size, Record<string, DrawnPoster>> = { thumb: {}, full: {} }

/**
 * The posters on the page's one hidden canvas: every thumbnail in page order, and a poster at
 * full size only when it is opened. (All six at full size up front cost four times the pixels,
 * time and memory, mostly for posters nobody opens.) Saving and sending draw at the saved size.
 */
function usePosterDrawing (canvas: PosterCanvasHook, templates: PosterTemplate[]) {
  const [drawn, setDrawn] = useState(() => ({ thumb: { ...drawnPosters.thumb }, full: { ...drawnPosters.full } }))
  const [failed, setFailed] = useState(false)
  const mounted = useRef(true)
  const jobs = useRef(new Map<string, Promise<DrawnPoster>>())
  const { draw: drawOnCanvas } = canvas

  const draw = useCallback((template: PosterTemplate, size: Size): Promise<DrawnPoster> => {
    const kept = drawnPosters[size][template.id]
    if (kept) return Promise.resolve(kept)
    const key = `${size}:${template.id}`
    const running = jobs.current.get(key)
    if (running) return running
    const job = drawOnCanvas({ template }, CSS_WIDTH[size]).then(({ withCode, ...poster }) => {
      if (withCode) drawnPosters[size][template.id] = poster
      if (mounted.current) setDrawn((current) => ({ ...current, [size]: { ...current[size], [template.id]: poster } }))
      return poster
    })
    jobs.current.set(key, job)
    job.catch(() => jobs.current.delete(key))
    return job
  }, [drawOnCanvas])

  useEffect(() => {
    mounted.current = true
    async function drawThumbnails () {
      try {
        for (const template of templates) {
          if (!mounted.current) return
          await draw(template, 'thumb')
        }
      } catch {
        if (mounted.current) setFailed(true)
      }
    }
    void drawThumbnails()
    return () => { mounted.current = false }
  }, [templates, draw])
  return { thumbs: drawn.thumb, full: drawn.full, failed, draw }
}

export default function PosterGalleryPage () {
  useBarWords('gallery')
  const words = useWords(POSTER_WORDS)
  // Share cards stay in 简体, as published (the friend opens them in their own setting).
  usePageShare({ title: POSTER_WORDS.gallery.share(published.campaign.pageTitle), path: ROUTES.posters })
  const canvas = usePosterCanvas(CANVAS_ID)
  const { thumbs, full, failed, draw } = usePosterDrawing(canvas, posterTemplates)
  const [open, setOpen] = useState<number | null>(null)
  const singlePage = inMomentsSinglePage()
  useDialogFocus(open !== null, 'poster-viewer')

  // Taro's H5 Swiper reports a change without `current` when it cannot read its slides (seen
  // under jsdom): the open poster stays.
  function showSlide (index: number | undefined) {
    if (index !== undefined && posterTemplates[index]) setOpen(index)
  }

  useEffect(() => {
    // Until it is drawn the viewer shows the thumbnail.
    if (open !== null) draw(posterTemplates[open], 'full').catch(() => undefined)
  }, [open, draw])

  if (failed) {
    return <PageFrame><StateView title={words.noCanvas.title} description={words.noCanvas.body[posterCanvas.drawnIn]} /></PageFrame>
  }

  return (
    <PageFrame className='poster-gallery'>
      <Text className='poster-gallery__intro'>{words.gallery.intro[posterCanvas.savesTo]}</Text>
      <View className='poster-gallery__grid'>
        {posterTemplates.map((template, index) => (
          <View key={template.id} className='poster-gallery__item' id={`poster-item-${template.id}`} {...asButton(words.gallery.open(template.name))} onClick={() => setOpen(index)}>
            {thumbs[template.id]
              ? <Image className='poster-gallery__thumb' id={`poster-thumb-${template.id}`} src={thumbs[template.id].image} mode='widthFix' {...describedImage(thumbs[template.id].description)} />
              : <View className='poster-gallery__placeholder'>{words.gallery.drawing}</View>}
            <Text className='poster-gallery__name'>{template.name}</Text>
          </View>
        ))}
      </View>

      {open !== null && (
        <View className='poster-viewer' id='poster-viewer' {...asDialog(words.gallery.viewer, () => setOpen(null))}>
          <Swiper className='poster-viewer__swiper' current={open} onChange={(event) => showSlide(event.detail?.current)}>
            {posterTemplates.map((template) => {
              const shown = full[template.id] ?? thumbs[template.id]
              return (
                <SwiperItem key={template.id} className='poster-viewer__slide'>
                  {shown && <Image className='poster-viewer__image' id={`poster-slide-${template.id}`} src={shown.image} mode='aspectFit' {...describedImage(shown.description)} />}
                </SwiperItem>
              )
            })}
          </Swiper>
          <View className='poster-viewer__actions'>
            <View className='poster-viewer__action' id='poster-close' {...asButton()} onClick={() => setOpen(null)}>{words.gallery.close}</View>
            {/* Moments single-page mode has no album and no share menu. */}
            {singlePage && <Text className='poster-viewer__hint' id='poster-single-page'>{words.gallery.singlePage}</Text>}
            {!singlePage && posterCanvas.canShareImage() && (
              <View className='poster-viewer__action' id='poster-share' {...asButton()} onClick={() => canvas.share({ template: posterTemplates[open] }, `${posterTemplates[open].name}.png`)}>{words.share}</View>
            )}
            {!singlePage && (
              <View className='poster-viewer__action poster-viewer__action--primary' id='poster-save' {...asButton()} onClick={() => canvas.save({ template: posterTemplates[open] }, `${posterTemplates[open].name}.png`)}>{words.gallery.save[posterCanvas.savesTo]}</View>
            )}
          </View>
          {!singlePage && (
            <View className='poster-viewer__hd' id='poster-save-hd' {...asButton()} onClick={() => canvas.save({ template: posterTemplates[open] }, `${posterTemplates[open].name}.png`, 'hd')}>
              {words.hd.save[posterCanvas.savesTo]}<Text className='poster-viewer__hd-note'>{words.hd.note}</Text>
            </View>
          )}
        </View>
      )}

      {/* One off-screen canvas draws every poster; what people see are the exported images. */}
      <Canvas type='2d' id={CANVAS_ID} className='poster-gallery__canvas' />
      <PrivacyDialog uses={words.gallery.privacyUses} />
    </PageFrame>
  )
}
