import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { posterCanvas } from '@/services/canvas'
import { toast } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import { saveScript } from '@/services/preferences'
import { PERSONAL_LAYOUTS } from '@/poster'
import { readNickname, saveCompany } from '@/services/pledge-draft'
import { readSignature } from '@/subpackages/poster/signature'
import MyPosterPage from '@/subpackages/poster/pages/personal'
import { REDRAW_DELAY_MS } from '@/subpackages/poster/pages/personal/use-my-poster'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

// The browser twin's own flags (savesTo, drawnIn) with the fake's drawing: jsdom has no Canvas 2D.
jest.mock('@/services/canvas', () => ({
  posterCanvas: { ...jest.requireActual('@/services/canvas').posterCanvas, ...jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas().posterCanvas },
}))
jest.mock('@/services/feedback', () => ({ toast: jest.fn(async () => undefined) }))

/** The poster as drawn; its alt is the words drawn on it. */
const posterImage = () => document.querySelector('#my-poster-image img')

beforeEach(() => localStorage.clear())

test('before pledging it says the poster comes after the pledge and leads there', async () => {
  serveFunction()
  renderPage(MyPosterPage, { path: ROUTES.myPoster })
  await screen.findByText('承诺后即可生成海报')
  expect(screen.getByText('去承诺')).toBeTruthy()
  expect(posterImage()).toBeNull()
})

test('draws my number as the server gave it, then my nickname once typing pauses', async () => {
  const { deps } = serveFunction()
  await deps.store.sign({ identity: 'first', company: null, source: null, pledgedAt: '2024-09-01T00:00:00.000Z' })
  await deps.store.sign({ identity: 'browser-1', company: '示范企业', source: null, pledgedAt: '2024-09-23T08:00:00.000Z' })
  renderPage(MyPosterPage, { path: ROUTES.myPoster })
  await waitFor(() => expect(posterImage()?.getAttribute('alt')).toContain('承诺编号 No.2'))
  expect(posterImage()?.getAttribute('alt')).toContain('示范企业')
  expect(posterImage()?.getAttribute('alt')).toContain('2024年9月23日')

  const input = await waitFor(() => {
    const element = document.querySelector<HTMLInputElement>('#my-poster-nickname input, input#my-poster-nickname')
    if (element === null) throw new Error('nickname input not rendered yet')
    return element
  })
  fireEvent.input(input, { target: { value: '质量先锋' } })
  expect(readNickname()).toBe('质量先锋')
  await waitFor(() => expect(posterImage()?.getAttribute('alt')).toContain('质量先锋'), { timeout: REDRAW_DELAY_MS * 10 })
})

test('a failed status call says so and retries', async () => {
  const { deps } = serveFunction()
  await deps.store.sign({ identity: 'browser-1', company: null, source: null, pledgedAt: '2024-09-23T08:00:00.000Z' })
  const working = global.fetch
  global.fetch = jest.fn(async () => { throw new TypeError('Failed to fetch') }) as unknown as typeof fetch
  renderPage(MyPosterPage, { path: ROUTES.myPoster })
  await screen.findByText('暂时无法生成海报', undefined, { timeout: 5000 })
  global.fetch = working
  await act(async () => { fireEvent.click(screen.getByText('重试')) })
  await waitFor(() => expect(posterImage()?.getAttribute('alt')).toContain('承诺编号 No.1'))
})

/** The nickname field, once the poster is ready. */
const nicknameInput = () => waitFor(() => {
  const element = document.querySelector<HTMLInputElement>('#my-poster-nickname input, input#my-poster-nickname')
  if (element === null) throw new Error('nickname input not rendered yet')
  return element
})

test('in the browser the poster is downloaded, and the page says so: 下载, never 相册 or 微信', async () => {
  const { deps } = serveFunction()
  await deps.store.sign({ identity: 'browser-1', company: null, source: null, pledgedAt: '2024-09-23T08:00:00.000Z' })
  renderPage(MyPosterPage, { path: ROUTES.myPoster })
  await waitFor(() => expect(posterImage()).not.toBeNull())
  expect((await nicknameInput()).getAttribute('placeholder')).toBe('填写海报上的昵称')
  const save = document.getElementById('my-poster-save')
  expect(save?.textContent).toBe('下载海报')
  await act(async () => { fireEvent.click(save!) })
  // Saved 1080 px wide (the fake names the width it exported), not the preview's size.
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenCalledWith(expect.stringMatching(/^data:image\/png.*-1080w$/), '我的质量诚信承诺.png'))
  await waitFor(() => expect(toast).toHaveBeenLastCalledWith('已下载', 'success'))
  expect(document.body.textContent).not.toMatch(/相册|微信/)

  // 高清: 2160 px wide, for print and the media.
  const hd = document.getElementById('my-poster-save-hd')
  expect(hd?.textContent).toBe('下载高清图高清图宽 2160 像素，供印刷和媒体使用')
  await act(async () => { fireEvent.click(hd!) })
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenLastCalledWith(expect.stringMatching(/-2160w$/), '我的质量诚信承诺.png'))
})

test('a reader who chose 繁體 gets the page in 繁體, and the bar title too', async () => {
  serveFunction()
  saveScript('hant')
  const setTitle = jest.spyOn(Taro, 'setNavigationBarTitle')
  try {
    renderPage(MyPosterPage, { path: ROUTES.myPoster })
    await screen.findByText('承諾後即可生成海報')
    expect(screen.getByText('海報上會寫明你的承諾編號，表明你響應了《2024年全國“質量月”企業質量誠信倡議書》。')).toBeTruthy()
    expect(screen.getByText('去承諾')).toBeTruthy()
    await waitFor(() => expect(setTitle).toHaveBeenCalledWith({ title: '我的承諾海報' }))
  } finally {
    setTitle.mockRestore()
    saveScript('hans')
  }
})

test('a pledger reading 繁體 sees the poster controls in 繁體', async () => {
  const { deps } = serveFunction()
  await deps.store.sign({ identity: 'browser-1', company: null, source: null, pledgedAt: '2024-09-23T08:00:00.000Z' })
  saveScript('hant')
  renderPage(MyPosterPage, { path: ROUTES.myPoster })
  await waitFor(() => expect(posterImage()).not.toBeNull())
  expect(screen.getByText('海報上的暱稱（選填）')).toBeTruthy()
  expect((await nicknameInput()).getAttribute('placeholder')).toBe('填寫海報上的暱稱')
  expect(document.getElementById('my-poster-save')?.textContent).toBe('下載海報')
})

describe('my choices: layout, unit, date and a handwritten signature', () => {
  const radio = (layout: string) => document.getElementById(`my-poster-layout-${layout}`)

  test('three layouts to pick from; picking one redraws the poster, which carries my unit (typed here when the pledge has none) and 承诺日期', async () => {
    const { deps } = serveFunction()
    await deps.store.sign({ identity: 'browser-1', company: null, source: null, pledgedAt: '2024-09-23T08:00:00.000Z' })
    saveCompany('本机填写的单位')
    renderPage(MyPosterPage, { path: ROUTES.myPoster })
    await waitFor(() => expect(posterImage()?.getAttribute('alt')).toContain('本机填写的单位'))
    expect(posterImage()?.getAttribute('alt')).toContain('承诺日期 2024年9月23日')
    expect(PERSONAL_LAYOUTS.map((layout) => radio(layout)?.textContent)).toEqual(['红色', '印章', '深蓝'])
    expect(radio('classic')?.getAttribute('aria-checked')).toBe('true')

    const drawn = jest.mocked(posterCanvas.exportImage).mock.calls.length
    const before = posterImage()?.getAttribute('src')
    await act(async () => { fireEvent.click(radio('seal')!) })
    expect(radio('seal')?.getAttribute('aria-checked')).toBe('true')
    expect(radio('classic')?.getAttribute('aria-checked')).toBe('false')
    await waitFor(() => expect(posterImage()?.getAttribute('src')).not.toBe(before), { timeout: REDRAW_DELAY_MS * 10 })
    expect(jest.mocked(posterCanvas.exportImage).mock.calls.length).toBe(drawn + 1)
  })

  test('a signature drawn on the pad is kept on this device only and drawn on the poster; 去掉签名 forgets it', async () => {
    const { deps } = serveFunction()
    await deps.store.sign({ identity: 'browser-1', company: null, source: null, pledgedAt: '2024-09-23T08:00:00.000Z' })
    // The pad's and the signature's canvases: a canvas that takes mouse strokes and records its ink.
    const inked: string[] = []
    const inkCanvas = () => Object.assign(new EventTarget(), {
      width: 0,
      height: 0,
      getBoundingClientRect: () => ({ left: 0, top: 0 }),
      getContext: () => new Proxy({}, { get: (_, key: string) => (key === 'stroke' ? () => inked.push('stroke') : () => undefined), set: () => true }),
    })
    const pad = inkCanvas()
    const signatureCanvas = inkCanvas()
    const posterNode = posterCanvas.canvasNode
    const canvasNode = jest.spyOn(posterCanvas, 'canvasNode').mockImplementation(async (id: string) => {
      if (id === 'signature-pad-canvas') return pad as never
      if (id === 'my-poster-signature') return signatureCanvas as never
      return posterNode(id)
    })
    const fetched = jest.spyOn(global, 'fetch')
    try {
      renderPage(MyPosterPage, { path: ROUTES.myPoster })
      await waitFor(() => expect(posterImage()).not.toBeNull())
      const calls = fetched.mock.calls.length
      fireEvent.click(screen.getByText('添加手写签名'))
      expect(screen.getByRole('dialog', { name: '手写签名' })).toBeTruthy()
      expect(screen.getByText('在框内用手指（或鼠标）写下你的名字')).toBeTruthy()
      await waitFor(() => expect(canvasNode).toHaveBeenCalledWith('signature-pad-canvas'))
      await act(async () => {
        pad.dispatchEvent(new MouseEvent('mousedown', { clientX: 30, clientY: 60 }))
        pad.dispatchEvent(new MouseEvent('mousemove', { clientX: 150, clientY: 30 }))
        pad.dispatchEvent(new MouseEvent('mousemove', { clientX: 270, clientY: 90 }))
        pad.dispatchEvent(new MouseEvent('mouseup'))
      })
      // 清除重写 empties the pad; a second stroke is the signature.
      await act(async () => { fireEvent.click(screen.getByText('清除重写')) })
      await act(async () => {
        pad.dispatchEvent(new MouseEvent('mousedown', { clientX: 30, clientY: 60 }))
        pad.dispatchEvent(new MouseEvent('mousemove', { clientX: 270, clientY: 60 }))
        pad.dispatchEvent(new MouseEvent('mouseup'))
      })
      const before = posterImage()?.getAttribute('src')
      await act(async () => { fireEvent.click(screen.getByText('完成')) })
      expect(screen.queryByRole('dialog', { name: '手写签名' })).toBeNull()
      expect(readSignature()).toEqual([[100, 500, 900, 500]])
      await waitFor(() => expect(posterImage()?.getAttribute('src')).not.toBe(before), { timeout: REDRAW_DELAY_MS * 10 })
      expect(canvasNode).toHaveBeenCalledWith('my-poster-signature')
      expect(inked.length).toBeGreaterThan(0)
      // Nothing about it went to the server.
      expect(fetched.mock.calls.length).toBe(calls)

      expect(screen.getByText('重新签名')).toBeTruthy()
      await act(async () => { fireEvent.click(screen.getByText('去掉签名')) })
      expect(readSignature()).toBeNull()
      expect(screen.getByText('添加手写签名')).toBeTruthy()
    } finally {
      canvasNode.mockRestore()
      fetched.mockRestore()
    }
  })
})
