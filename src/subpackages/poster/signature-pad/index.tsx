import { useEffect, useRef, useState } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RenderTarget } from '@/poster/render'
import { useDialogFocus } from '@/hooks/use-dialog-focus'
import { useWords } from '@/hooks/use-words'
import { asDialog } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import { POSTER_WORDS } from '@/words/poster'
import { drawStrokes, PAD_HEIGHT, PAD_WIDTH } from '../signature'
import type { Strokes } from '../signature'
import './index.scss'

const PAD_ID = 'signature-pad-canvas'

interface SignaturePadProps {
  /** The strokes to start from (a kept signature), or none. */
  initial?: Strokes | null
  onDone: (strokes: Strokes) => void
  onCancel: () => void
}

interface Point { x: number; y: number }
type Touchish = { x?: number; y?: number; clientX?: number; clientY?: number }

/**
 * A handwritten signature on a canvas: strokes from a finger (WeChat, phones) or a mouse
 * (browsers), 清除重写 to start again, 完成 to hand the strokes over. Nothing leaves the device.
 */
export default function SignaturePad ({ initial = null, onDone, onCancel }: SignaturePadProps) {
  const words = useWords(POSTER_WORDS)
  const [strokes, setStrokes] = useState<Strokes>(() => initial ?? [])
  const node = useRef<RenderTarget | null>(null)
  const drawing = useRef(false)
  useDialogFocus(true, 'signature-pad')

  // Where a touch is on the pad, in thousandths. Browsers give page coordinates (clientX / Y),
  // taken from the canvas's place on the page; WeChat gives canvas touches x / y on the canvas.
  function pointOf (touch: Touchish | undefined): Point | null {
    if (!touch) return null
    const rect = (node.current as { getBoundingClientRect?: () => { left: number; top: number } } | null)?.getBoundingClientRect?.()
    const onPage = rect && touch.clientX !== undefined && touch.clientY !== undefined
    const x = onPage ? touch.clientX! - rect.left : touch.x
    const y = onPage ? touch.clientY! - rect.top : touch.y
    if (x === undefined || y === undefined) return null
    return { x: Math.round(Math.min(1, Math.max(0, x / PAD_WIDTH)) * 1000), y: Math.round(Math.min(1, Math.max(0, y / PAD_HEIGHT)) * 1000) }
  }

  function start (point: Point | null) {
    if (!point) return
    drawing.current = true
    setStrokes((current) => [...current, [point.x, point.y]])
  }
  function move (point: Point | null) {
    if (!point || !drawing.current) return
    setStrokes((current) => current.length === 0 ? current : [...current.slice(0, -1), [...current[current.length - 1], point.x, point.y]])
  }
  function end () {
    drawing.current = false
  }

  useEffect(() => {
    let cancelled = false
    posterCanvas.canvasNode(PAD_ID).then((found) => {
      if (cancelled) return
      node.current = found
      // Browsers: a mouse draws too (Taro's <Canvas> passes on touches only).
      const element = found as unknown as Partial<HTMLCanvasElement>
      if (typeof element.addEventListener === 'function') {
        element.addEventListener('mousedown', (event) => start(pointOf(event)))
        element.addEventListener('mousemove', (event) => move(pointOf(event)))
        element.addEventListener('mouseup', end)
        element.addEventListener('mouseleave', end)
      }
    }, () => undefined)
    return () => { cancelled = true }
  }, [])

  useEffect(() => {
    if (node.current) drawStrokes(node.current, strokes, posterCanvas.pixelRatio())
  }, [strokes])

  const touchPoint = (event: { touches?: ArrayLike<unknown>; changedTouches?: ArrayLike<unknown> }) => pointOf((event.touches?.[0] ?? event.changedTouches?.[0]) as Touchish | undefined)

  return (
    <View className='signature-pad' id='signature-pad' {...asDialog(words.pad.title, onCancel)}>
      <View className='signature-pad__sheet'>
        <Text className='signature-pad__title'>{words.pad.title}</Text>
        <Text className='signature-pad__hint'>{words.pad.hint}</Text>
        <Canvas
          type='2d'
          id={PAD_ID}
          className='signature-pad__canvas'
          disableScroll
          onTouchStart={(event) => start(touchPoint(event))}
          onTouchMove={(event) => move(touchPoint(event))}
          onTouchEnd={end}
          onTouchCancel={end}
        />
        <View className='signature-pad__actions'>
          <Button className='signature-pad__action' id='signature-clear' onClick={() => setStrokes([])}>{words.pad.clear}</Button>
          <Button className='signature-pad__action' id='signature-cancel' onClick={onCancel}>{words.pad.cancel}</Button>
          <Button className='signature-pad__action' id='signature-done' type='primary' disabled={strokes.length === 0} onClick={() => onDone(strokes)}>{words.pad.done}</Button>
        </View>
      </View>
    </View>
  )
}
