// The browser twin itself: the wait is specific to Taro's H5 canvas component.
import { CANVAS_READY_MS, posterCanvas } from '@/services/canvas.h5'

afterEach(() => {
  document.body.innerHTML = ''
  jest.useRealTimers()
})

/** Taro's H5 <Canvas>: a custom element whose real <canvas> comes later. */
function host (id: string) {
  const element = document.createElement('taro-canvas-core')
  element.id = id
  document.body.appendChild(element)
  return element
}

test('finds the real canvas inside Taro’s canvas element', async () => {
  const inner = host('poster-canvas').appendChild(document.createElement('canvas'))
  await expect(posterCanvas.canvasNode('poster-canvas')).resolves.toBe(inner)
})

test('waits for a canvas the component has not rendered yet', async () => {
  const element = host('poster-canvas')
  const found = posterCanvas.canvasNode('poster-canvas')
  const inner = document.createElement('canvas')
  setTimeout(() => element.appendChild(inner), 100)
  await expect(found).resolves.toBe(inner)
})

test(`gives up with a clear error after CANVAS_READY_MS (${CANVAS_READY_MS} ms)`, async () => {
  jest.useFakeTimers()
  host('poster-canvas')
  const found = posterCanvas.canvasNode('poster-canvas')
  const settled = jest.fn()
  found.catch(settled)
  await jest.advanceTimersByTimeAsync(CANVAS_READY_MS - 100)
  expect(settled).not.toHaveBeenCalled()
  await jest.advanceTimersByTimeAsync(200)
  await expect(found).rejects.toThrow('No canvas #poster-canvas')
})

test('saves by download, as the words around it say (下载, not 相册); a missing canvas means the browser', () => {
  expect(posterCanvas.savesTo).toBe('download')
  expect(posterCanvas.drawnIn).toBe('browser')
})

test('known limits: Safari\'s 16,777,216 px in all, 8192 px a side (larger devices are found by drawing)', () => {
  expect(posterCanvas.canvasLimits()).toEqual({ side: 8192, area: 16_777_216 })
})

test('saving downloads the image under its file name', async () => {
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  await expect(posterCanvas.saveImage('data:image/png;base64,AAAA', '我的质量诚信承诺.png')).resolves.toBe(true)
  const link = click.mock.contexts[0] as HTMLAnchorElement
  expect([link.href, link.download]).toEqual(['data:image/png;base64,AAAA', '我的质量诚信承诺.png'])
  click.mockRestore()
})
