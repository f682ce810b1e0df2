import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { safeExecute } from '@tarojs/runtime'
import { published } from '@/content'
import { posterTemplates } from '@/poster'
import { posterCanvas } from '@/services/canvas'
import { toast } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import { saveScript } from '@/services/preferences'
import { EXPORT_WIDTHS, RENDER_CSS_WIDTH } from '@/subpackages/poster/draw'
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

/** The width of every poster exported, as it was then (the page draws all of them on one canvas). */
let drawnWidths: number[] = []
const widthsDrawn = () => drawnWidths
const fakeExport = jest.mocked(posterCanvas.exportImage).getMockImplementation()!
/** Exports fail where `fails` says (a device whose canvas cannot hold them); all are counted. */
function exportsFailing (fails: (width: number) => boolean) {
  jest.mocked(posterCanvas.exportImage).mockImplementation(async (canvas) => {
    drawnWidths.push(canvas.width)
    if (fails(canvas.width)) throw new Error('canvasToTempFilePath:fail')
    return fakeExport(canvas)
  })
}

beforeEach(() => {
  jest.mocked(posterCanvas.exportImage).mockClear()
  drawnWidths = []
  exportsFailing(() => false)
})

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

/** Saved posters: 1080 wide by default, 2160 (高清) on request. */
const SAVED_PX = EXPORT_WIDTHS.standard
const HD_PX = EXPORT_WIDTHS.hd

test('a poster is drawn at screen size when it is opened, once; saving draws it at 1080 px wide and saves that', async () => {
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
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`-${SAVED_PX}w$`)), `${second.name}.png`))
  await waitFor(() => expect(toast).toHaveBeenCalledWith('已下载', 'success'))
  expect(widthsDrawn()).toEqual([FULL_PX, SAVED_PX])
  fireEvent.click(screen.getByText('关闭'))
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${second.name}` }))
  fireEvent.click(screen.getByText('下载海报'))
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenCalledTimes(2))
  // The screen-size poster is kept; saving draws the saved size each time.
  expect(widthsDrawn()).toEqual([FULL_PX, SAVED_PX, SAVED_PX])
})

test('高清 saves the poster 2160 px wide (2160 × 3842), and the choice says what it is for', async () => {
  serveFunction()
  jest.mocked(posterCanvas.saveImage).mockClear()
  jest.mocked(toast).mockClear()
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  const first = posterTemplates[0]
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${first.name}` }))
  const hd = document.getElementById('poster-save-hd')
  expect(hd?.textContent).toBe('下载高清图高清图宽 2160 像素，供印刷和媒体使用')
  fireEvent.click(hd!)
  await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`-${HD_PX}w$`)), `${first.name}.png`))
  const canvas = jest.mocked(posterCanvas.exportImage).mock.calls.at(-1)![0]
  expect([canvas.width, canvas.height]).toEqual([2160, 3842])
  await waitFor(() => expect(toast).toHaveBeenCalledWith('已下载', 'success'))
})

test('a device whose canvas cannot hold 高清 saves the largest size it can, and says so in words', async () => {
  serveFunction()
  jest.mocked(posterCanvas.saveImage).mockClear()
  // This device fails to export anything wider than 1800 px.
  exportsFailing((width) => width > 1800)
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  // Opened in the test above: the screen-size poster is kept.
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${posterTemplates[0].name}` }))
  fireEvent.click(document.getElementById('poster-save-hd')!)
  // 2160, then 80 % of it: 1728 × 3074.
  await waitFor(() => expect(toast).toHaveBeenCalledWith('已下载，但本机只能生成 1728×3074 像素的图片'))
  expect(widthsDrawn()).toEqual([2160, 1728])
  expect(posterCanvas.saveImage).toHaveBeenCalledWith(expect.stringMatching(/-1728w$/), `${posterTemplates[0].name}.png`)
})

test('when the poster cannot be drawn at any size, saving says so and saves nothing', async () => {
  serveFunction()
  jest.mocked(posterCanvas.saveImage).mockClear()
  // The thumbnails are kept from the tests above; every export at screen size or larger fails.
  exportsFailing((width) => width >= FULL_PX)
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  const third = posterTemplates[2]
  fireEvent.click(screen.getByRole('button', { name: `查看海报：${third.name}` }))
  await waitFor(() => expect(widthsDrawn()).toEqual([FULL_PX]))
  fireEvent.click(screen.getByText('下载海报'))
  await waitFor(() => expect(toast).toHaveBeenCalledWith('海报绘制失败，请重试'))
  // 1080, 80 % of it, then the screen size: nothing smaller is worth saving.
  expect(widthsDrawn()).toEqual([FULL_PX, SAVED_PX, 864, FULL_PX])
  expect(posterCanvas.saveImage).not.toHaveBeenCalled()
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
