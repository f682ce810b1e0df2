import { useEffect, useRef, useState } from 'react'
import { Canvas, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import { campaign } from '@/content'
import StateView from '@/components/state-view'
import { usePageShare } from '@/hooks/use-page-share'
import { posterTemplates } from '@/poster'
import { renderPoster, renderScale } from '@/poster/render'
import type { PosterTemplate } from '@/poster'
import { posterCanvas } from '@/services/canvas'
import { toast } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import './index.scss'

const CANVAS_ID = 'poster-canvas'
/** Posters are drawn once at this CSS width and reused for thumbnails and the full view. */
const RENDER_CSS_WIDTH = 375

/** Draws every template in turn on one hidden canvas and keeps the images (the cache). */
function usePosterImages (templates: PosterTemplate[]) {
  const [images, setImages] = useState<Record<string, string>>({})
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    async function drawAll () {
      try {
        const canvas = await posterCanvas.canvasNode(CANVAS_ID)
        for (const template of templates) {
          if (cancelled) return
          renderPoster(canvas, template, renderScale(template, RENDER_CSS_WIDTH, posterCanvas.pixelRatio()))
          const image = await posterCanvas.exportImage(canvas)
          if (!cancelled) setImages((current) => ({ ...current, [template.id]: image }))
        }
      } catch {
        if (!cancelled) setFailed(true)
      }
    }
    void drawAll()
    return () => { cancelled = true }
  }, [templates])
  return { images, failed }
}

export default function PosterGalleryPage () {
  usePageShare({ title: `${campaign.pageTitle}：活动海报`, path: ROUTES.posters })
  const { images, failed } = usePosterImages(posterTemplates)
  const [open, setOpen] = useState<number | null>(null)
  const saving = useRef(false)

  async function save (template: PosterTemplate) {
    if (saving.current || !images[template.id]) return
    saving.current = true
    try {
      const saved = await posterCanvas.saveImage(images[template.id], `${template.name}.png`)
      void toast(saved ? '已保存' : '未保存')
    } finally {
      saving.current = false
    }
  }

  if (failed) {
    return <View className='qm-page'><StateView title='海报绘制失败' description='当前环境不支持画布，请升级微信后重试。' /></View>
  }

  return (
    <View className='qm-page poster-gallery'>
      <Text className='poster-gallery__intro'>可供企业、组织和媒体使用的2024年全国“质量月”活动海报，点击查看大图并保存。</Text>
      <View className='poster-gallery__grid'>
        {posterTemplates.map((template, index) => (
          <View key={template.id} className='poster-gallery__item' id={`poster-item-${template.id}`} onClick={() => setOpen(index)}>
            {images[template.id]
              ? <Image className='poster-gallery__thumb' id={`poster-thumb-${template.id}`} src={images[template.id]} mode='widthFix' />
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
                {images[template.id] && <Image className='poster-viewer__image' src={images[template.id]} mode='aspectFit' />}
              </SwiperItem>
            ))}
          </Swiper>
          <View className='poster-viewer__actions'>
            <View className='poster-viewer__action' id='poster-close' onClick={() => setOpen(null)}>关闭</View>
            <View className='poster-viewer__action poster-viewer__action--primary' id='poster-save' onClick={() => save(posterTemplates[open])}>保存海报</View>
          </View>
        </View>
      )}

      {/* One off-screen canvas draws every poster; what people see are the exported images. */}
      <Canvas type='2d' id={CANVAS_ID} className='poster-gallery__canvas' />
    </View>
  )
}
