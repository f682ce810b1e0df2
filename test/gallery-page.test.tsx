import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { safeExecute } from '@tarojs/runtime'
import { published } from '@/content'
import { posterTemplates } from '@/poster'
import { posterCanvas } from '@/services/canvas'
import { toast } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import { saveScript } from '@/services/preferences'
import { RENDER_CSS_WIDTH } from '@/subpackages/poster/draw'
import PosterGalleryPage, { THUMB_CSS_WIDTH } from '@/subpackages/poster/pages/gallery'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

// The browser twin's own flags (savesTo, drawnIn) with the fake's drawing: jsdom has no Canvas 2D.
jest.mock('@/services/canvas', () => ({
  posterCanvas: { ...jest.requireActual('@/services/canvas').posterCanvas, ...jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas().posterCanvas },
}))
jest.mock('@/services/feedback', () => ({ toast: jest.fn(async () => undefined) }))

const thumbnails = () => posterTemplates.filter((template) => document.getElementById(`poster-thumb-${template.id}`) !== null)

/** The fake canvas's pixel ratio is 2; a poster template is 750 units wide. */
const THUMB_PX = THUMB_CSS_WIDTH * 2
const FULL_PX = RENDER_CSS_WIDTH * 2
const widthsDrawn = () => jest.mocked(posterCanvas.exportImage).mock.calls.map(([canvas]) => canvas.width)

beforeEach(() => jest.mocked(posterCanvas.exportImage).mockClear())

test('draws every thumbnail once per launch, small: reopening the gallery reuses the drawn images', async () => {
  serveFunction()
  const first = renderPage(PosterGalleryPage, { path: ROUTES.posters })
  await waitFor(() => expect(thumbnails()).toHaveLength(posterTemplates.length))
  expect(widthsDrawn()).toEqual(posterTemplates.map(() => THUMB_PX))
  // Each thumbnail is described by the words drawn on it (H5: its <img>'s alt).
  const theme = document.querySelector(`#poster-thumb-${posterTemplates[0].id} img`)
  expect(theme?.getAttribute('alt')).toContain('2024年9月 全国质量月')
  expect(posterCanvas.exportImage).toHaveBeenCalledTimes(posterTemplates.length)
  first.unmount()

  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  expect(thumbnails()).toHaveLength(posterTemplates.length)
  expect(screen.queryByText('绘制中…')).toBeNull()
  expect(posterCanvas.exportImage).toHaveBeenCalledTimes(posterTemplates.length)
})

test('a poster is drawn at full size when it is opened, once, and that is the image saved', async () => {
  serveFunction()
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  // The thumbnails of the test above are kept for the launch: nothing is drawn again for them.
  expect(thumbnails()).toHaveLength(posterTemplates.length)
  const second = posterTemplates[1]
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${second.name}` }))
  await waitFor(() => expect(widthsDrawn()).toEqual([FULL_PX]))
  const slide = () => document.querySelector(`#poster-slide-${second.id} img`)?.getAttribute('src')
  await waitFor(() => expect(slide()).toMatch(new RegExp(`-${FULL_PX}w$`)))

  fireEvent.click(screen.getByText('下载海报'))
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenCalledWith(slide(), `${second.name}.png`))
  await waitFor(() => expect(toast).toHaveBeenCalledWith('已下载', 'success'))
  fireEvent.click(screen.getByText('关闭'))
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${second.name}` }))
  fireEvent.click(screen.getByText('下载海报'))
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenCalledTimes(2))
  expect(widthsDrawn()).toEqual([FULL_PX])
})

test('when the full-size poster cannot be drawn, saving says so and saves nothing', async () => {
  serveFunction()
  jest.mocked(posterCanvas.saveImage).mockClear()
  // The thumbnails are kept from the tests above; every full-size export fails (opening, and the retry on saving).
  const exportImage = jest.mocked(posterCanvas.exportImage)
  const drawing = exportImage.getMockImplementation()!
  exportImage.mockImplementation(async (canvas) => {
    if (canvas.width === FULL_PX) throw new Error('canvasToTempFilePath:fail')
    return drawing(canvas)
  })
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  const third = posterTemplates[2]
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${third.name}` }))
  await waitFor(() => expect(widthsDrawn()).toEqual([FULL_PX]))
  fireEvent.click(screen.getByText('下载海报'))
  await waitFor(() => expect(toast).toHaveBeenCalledWith('海报绘制失败，请重试'))
  expect(widthsDrawn()).toEqual([FULL_PX, FULL_PX])
  expect(posterCanvas.saveImage).not.toHaveBeenCalled()
  exportImage.mockImplementation(drawing)
})

test('in the browser the poster is downloaded, and the page says so: 下载, never 相册 or 微信', async () => {
  serveFunction()
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  expect(screen.getByText(/点击查看大图并下载。$/)).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${posterTemplates[0].name}` }))
  const save = document.getElementById('poster-save')
  expect(save?.textContent).toBe('下载海报')
  fireEvent.click(save!)
  await waitFor(() => expect(toast).toHaveBeenLastCalledWith('已下载', 'success'))
  expect(document.body.textContent).not.toMatch(/相册|微信|保存/)
})

test('a reader who chose 繁體 gets the page in 繁體: intro, viewer, save control, toast and title', async () => {
  serveFunction()
  saveScript('hant')
  const setTitle = jest.spyOn(Taro, 'setNavigationBarTitle')
  try {
    renderPage(PosterGalleryPage, { path: ROUTES.posters })
    expect(screen.getByText('可供企業、組織和媒體使用的2024年全國“質量月”活動海報，點擊查看大圖並下載。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: `查看海報：${posterTemplates[0].name}` }))
    expect(screen.getByRole('dialog', { name: '海報大圖' })).toBeTruthy()
    expect(document.getElementById('poster-save')?.textContent).toBe('下載海報')
    fireEvent.click(document.getElementById('poster-save')!)
    await waitFor(() => expect(toast).toHaveBeenLastCalledWith('已下載', 'success'))
    // The navigation bar (the browser tab's title) too.
    await waitFor(() => expect(setTitle).toHaveBeenCalledWith({ title: '活動海報' }))
    // The share card stays in 简体, as published: the friend opens it in their own setting.
    expect(safeExecute(ROUTES.posters, 'onShareAppMessage', { from: 'menu' })).toMatchObject({ title: `${published.campaign.pageTitle}：活动海报` })
  } finally {
    setTitle.mockRestore()
    saveScript('hans')
  }
})
