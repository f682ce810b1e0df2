import { useEffect, useRef, useState } from 'react'
import { Canvas, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import { campaign } from '@/content'
import StateView from '@/components/state-view'
import { usePageClass } from '@/hooks/use-font-scale'
import { usePageShare } from '@/hooks/use-page-share'
import { posterTemplates } from '@/poster'
import type { PosterTemplate } from '@/poster'
import { asButton, describedImage } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import { toast } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import { drawPoster, shareCodeOrNone } from '../../draw'
import type { DrawnPoster } from '../../draw'
import './index.scss'

const CANVAS_ID = 'poster-canvas'

/**
 * Drawn posters for the rest of the launch (weapp temp files live as long): reopening the
 * gallery shows them at once. Only posters carrying the share code are kept, so one drawn
 * offline is drawn again next time.
 */
const drawnPosters: Record<string, DrawnPoster> = {}

/** Draws the templates in page order on one hidden canvas, each shown as soon as it is ready. */
function usePosterImages (templates: PosterTemplate[]) {
  const [posters, setPosters] = useState<Record<string, DrawnPoster>>(() => ({ ...drawnPosters }))
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    async function drawAll () {
      const missing = templates.filter((template) => !drawnPosters[template.id])
      if (missing.length === 0) return
      try {
        const canvas = await posterCanvas.canvasNode(CANVAS_ID)
        const code = await shareCodeOrNone(canvas)
        for (const template of missing) {
          if (cancelled) return
          const drawn = await drawPoster(canvas, template, code)
          if (code !== null) drawnPosters[template.id] = drawn
          if (!cancelled) setPosters((current) => ({ ...current, [template.id]: drawn }))
        }
      } catch {
        if (!cancelled) setFailed(true)
      }
    }
    void drawAll()
    return () => { cancelled = true }
  }, [templates])
  return { posters, failed }
}

export default function PosterGalleryPage () {
  const root = usePageClass('qm-page poster-gallery')
  const failedRoot = usePageClass('qm-page')
  usePageShare({ title: `${campaign.pageTitle}：活动海报`, path: ROUTES.posters })
  const { posters, failed } = usePosterImages(posterTemplates)
  const [open, setOpen] = useState<number | null>(null)
  const busy = useRef(false)

  async function act (template: PosterTemplate, action: 'save' | 'share') {
    const poster = posters[template.id]
    if (busy.current || !poster) return
    busy.current = true
    try {
      if (action === 'save') {
        const saved = await posterCanvas.saveImage(poster.image, `${template.name}.png`)
        void toast(saved ? '已保存到相册' : '未保存', saved ? 'success' : 'none')
      } else {
        await posterCanvas.shareImage(poster.image, `${template.name}.png`)
      }
    } finally {
      busy.current = false
    }
  }

  if (failed) {
    return <View className={failedRoot}><StateView title='海报绘制失败' description='当前环境不支持画布，请升级微信后重试。' /></View>
  }

  return (
    <View className={root}>
      <Text className='poster-gallery__intro'>可供企业、组织和媒体使用的2024年全国“质量月”活动海报，点击查看大图并保存。</Text>
      <View className='poster-gallery__grid'>
        {posterTemplates.map((template, index) => (
          <View key={template.id} className='poster-gallery__item' id={`poster-item-${template.id}`} {...asButton(`查看海报：${template.name}`)} onClick={() => setOpen(index)}>
            {posters[template.id]
              ? <Image className='poster-gallery__thumb' id={`poster-thumb-${template.id}`} src={posters[template.id].image} mode='widthFix' {...describedImage(posters[template.id].description)} />
              : <View className='poster-gallery__placeholder'>绘制中…</View>}
            <Text className='poster-gallery__name'>{template.name}</Text>
          </View>
        ))}
      </View>

      {open !== null && (
        <View className='poster-viewer' id='poster-viewer'>
          <Swiper className='poster-viewer__swiper' current={open} onChange={(event) => setOpen(event.detail.current)}>
            {posterTemplates.map((template) => (
              <SwiperItem key={template.id} className='poster-viewer__slide'>
                {posters[template.id] && <Image className='poster-viewer__image' src={posters[template.id].image} mode='aspectFit' {...describedImage(posters[template.id].description)} />}
              </SwiperItem>
            ))}
          </Swiper>
          <View className='poster-viewer__actions'>
            <View className='poster-viewer__action' id='poster-close' {...asButton()} onClick={() => setOpen(null)}>关闭</View>
            {posterCanvas.canShareImage() && (
              <View className='poster-viewer__action' id='poster-share' {...asButton()} onClick={() => act(posterTemplates[open], 'share')}>发送给朋友</View>
            )}
            <View className='poster-viewer__action poster-viewer__action--primary' id='poster-save' {...asButton()} onClick={() => act(posterTemplates[open], 'save')}>保存海报</View>
          </View>
        </View>
      )}

      {/* One off-screen canvas draws every poster; what people see are the exported images. */}
      <Canvas type='2d' id={CANVAS_ID} className='poster-gallery__canvas' />
    </View>
  )
}
