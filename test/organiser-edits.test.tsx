import { act, fireEvent, waitFor, within } from '@testing-library/react'
import { safeExecute } from '@tarojs/runtime'
import Taro from '@tarojs/taro'
import type { NewsRecord } from '../cloud/core/store'
import { takePublicStats } from '../cloud/core/public-stats'
import { posterCanvas } from '@/services/canvas'
import { confirm, toast } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import { forgetNewsReports } from '@/services/news'
import { saveScript } from '@/services/preferences'
import OrganiserPage from '@/subpackages/poster/pages/organiser'
import { monthDayTime } from '@/subpackages/poster/pages/organiser/local-time'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

// The browser twin's own flags (savesTo, drawnIn) with the fake's drawing: jsdom has no Canvas 2D.
jest.mock('@/services/canvas', () => ({
  posterCanvas: { ...jest.requireActual('@/services/canvas').posterCanvas, ...jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas().posterCanvas },
}))
jest.mock('@/services/feedback', () => ({
  toast: jest.fn(async () => undefined),
  confirm: jest.fn(async () => true),
}))
jest.mock('@/services/scroll', () => ({ scrollToElement: jest.fn(async () => undefined) }))

const ORGANISER = 'o-organiser'
const SAVED: NewsRecord = {
  id: 'abcd1234', source: '质量时报', title: '质量月千家企业倡议活动启动', date: '2024-09-25',
  link: 'https://www.example.com/news/0925.html', updatedBy: ORGANISER, updatedAt: '2024-09-25T08:00:00.000Z',
}

const byId = (id: string) => document.getElementById(id)
const field = (id: string) => document.querySelector<HTMLInputElement>(`#${id} input, input#${id}`)!
const type = (id: string, value: string) => fireEvent.input(field(id), { target: { value } })

/** The organiser view over the function core; `served` when the test has put something in its store first. */
async function openAsOrganiser (served = serveFunction(ORGANISER)) {
  Object.assign(served.deps, { isAdmin: (identity: string) => identity === ORGANISER })
  renderPage(OrganiserPage, { path: ROUTES.organiser })
  await act(async () => { safeExecute(ROUTES.organiser, 'onShow') })
  await waitFor(() => expect(byId('news-editor')).not.toBeNull())
  return served
}

beforeEach(() => {
  forgetNewsReports()
  jest.mocked(confirm).mockReset().mockResolvedValue(true)
  jest.mocked(toast).mockClear()
})

describe('媒体报道', () => {
  test('adds a report: it is listed, the toast confirms it, the form is empty again', async () => {
    const { deps } = await openAsOrganiser()
    await waitFor(() => within(byId('news-editor')!).getByText('还没有添加报道。'))
    type('news-form-source', '质量时报')
    type('news-form-title', '质量月千家企业倡议活动启动')
    type('news-form-link', ' https://www.example.com/news/0925.html ')
    fireEvent.click(byId('news-form-save')!)
    await waitFor(() => expect(toast).toHaveBeenCalledWith('已添加', 'success'))
    const [stored] = await deps.store.listNews(10)
    expect(stored).toMatchObject({ source: '质量时报', title: '质量月千家企业倡议活动启动', link: 'https://www.example.com/news/0925.html', updatedBy: ORGANISER })
    within(byId(`news-report-${stored.id}`)!).getByText('质量月千家企业倡议活动启动')
    expect(field('news-form-title').value).toBe('')
    expect(field('news-form-link').value).toBe('')
  })

  test('a link is optional: a report without one is stored with none', async () => {
    const { deps } = await openAsOrganiser()
    type('news-form-source', '质量周刊')
    type('news-form-title', '企业质量诚信倡议书发布')
    fireEvent.click(byId('news-form-save')!)
    await waitFor(() => expect(toast).toHaveBeenCalledWith('已添加', 'success'))
    expect((await deps.store.listNews(10))[0].link).toBeNull()
    within(byId('news-editor')!).getByText('无链接')
  })

  test('the function\'s message is shown under the form, and nothing typed is lost', async () => {
    const { deps } = await openAsOrganiser()
    type('news-form-source', '质量时报')
    type('news-form-title', '标题')
    type('news-form-link', 'http://www.example.com/a')
    fireEvent.click(byId('news-form-save')!)
    await waitFor(() => expect(byId('news-form-error')?.textContent).toBe('报道链接应为完整网址，以 https:// 开头'))
    expect([field('news-form-source').value, field('news-form-title').value, field('news-form-link').value]).toEqual(['质量时报', '标题', 'http://www.example.com/a'])
    expect(await deps.store.listNews(10)).toEqual([])
    expect(toast).not.toHaveBeenCalled()

    type('news-form-source', '')
    fireEvent.click(byId('news-form-save')!)
    await waitFor(() => expect(byId('news-form-error')?.textContent).toBe('媒体名称不能为空'))
  })

  test('while saving, the button is busy and more taps send nothing more', async () => {
    const { calls } = await openAsOrganiser()
    type('news-form-source', '质量时报')
    type('news-form-title', '质量月千家企业倡议活动启动')
    for (let i = 0; i < 5; i++) fireEvent.click(byId('news-form-save')!)
    await waitFor(() => expect(toast).toHaveBeenCalledWith('已添加', 'success'))
    expect(calls.filter((action) => action === 'saveNews')).toHaveLength(1)
  })

  test('read when the editor appears, and again only when the page shows after being hidden', async () => {
    const served = serveFunction(ORGANISER)
    const { calls } = await openAsOrganiser(served)
    await waitFor(() => expect(calls.filter((action) => action === 'news')).toHaveLength(1))
    await served.deps.store.putNews(SAVED)
    await act(async () => { safeExecute(ROUTES.organiser, 'onHide') })
    await act(async () => { safeExecute(ROUTES.organiser, 'onShow') })
    await waitFor(() => expect(byId(`news-report-${SAVED.id}`)).not.toBeNull())
    expect(calls.filter((action) => action === 'news')).toHaveLength(2)
  })

  test('edits a report in the form: 保存修改 replaces it, 取消编辑 leaves it', async () => {
    const served = serveFunction(ORGANISER)
    await served.deps.store.putNews(SAVED)
    const { deps } = await openAsOrganiser(served)
    await waitFor(() => expect(byId(`news-edit-${SAVED.id}`)).not.toBeNull())
    fireEvent.click(byId(`news-edit-${SAVED.id}`)!)
    expect(field('news-form-title').value).toBe(SAVED.title)
    expect(byId('news-form-save')!.textContent).toBe('保存修改')
    fireEvent.click(byId('news-form-cancel')!)
    expect(field('news-form-title').value).toBe('')

    fireEvent.click(byId(`news-edit-${SAVED.id}`)!)
    type('news-form-title', '质量月倡议活动启动（更正）')
    type('news-form-link', '')
    fireEvent.click(byId('news-form-save')!)
    await waitFor(() => expect(toast).toHaveBeenCalledWith('已保存', 'success'))
    expect(await deps.store.listNews(10)).toEqual([expect.objectContaining({ id: SAVED.id, title: '质量月倡议活动启动（更正）', link: null })])
    within(byId(`news-report-${SAVED.id}`)!).getByText('质量月倡议活动启动（更正）')
    expect(byId('news-form-save')!.textContent).toBe('添加报道')
  })

  test('removing asks first; cancelled, nothing changes; confirmed, it is gone', async () => {
    const served = serveFunction(ORGANISER)
    await served.deps.store.putNews(SAVED)
    const { deps } = await openAsOrganiser(served)
    await waitFor(() => expect(byId(`news-remove-${SAVED.id}`)).not.toBeNull())
    jest.mocked(confirm).mockResolvedValueOnce(false)
    fireEvent.click(byId(`news-remove-${SAVED.id}`)!)
    await waitFor(() => expect(confirm).toHaveBeenCalledWith('删除这篇报道？', `“${SAVED.title}”将不再显示在首页。`, '删除'))
    expect(await deps.store.listNews(10)).toHaveLength(1)

    fireEvent.click(byId(`news-remove-${SAVED.id}`)!)
    await waitFor(() => expect(byId(`news-report-${SAVED.id}`)).toBeNull())
    expect(await deps.store.listNews(10)).toEqual([])
    expect(toast).toHaveBeenCalledWith('已删除', 'success')
  })
})

describe('单位榜', () => {
  async function withUnits () {
    const served = serveFunction(ORGANISER)
    for (const [identity, company] of [['o-a', '质检示范企业'], ['o-b', '质检示范企业'], ['o-c', '不宜公开的名称']]) {
      await served.deps.store.sign({ identity, company, source: null, pledgedAt: new Date().toISOString() })
    }
    return openAsOrganiser(served)
  }

  test('hiding asks first, then marks the name with who hid it and when; the public board leaves it off, the total keeps it', async () => {
    const { deps } = await withUnits()
    await waitFor(() => within(byId('unit-board-editor')!).getByText('不宜公开的名称'))
    expect(byId('unit-toggle-1')!.getAttribute('aria-label')).toBe('在单位榜上隐藏：不宜公开的名称')

    jest.mocked(confirm).mockResolvedValueOnce(false)
    fireEvent.click(byId('unit-toggle-1')!)
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1))
    expect(await deps.store.listHidden(10)).toEqual([])

    fireEvent.click(byId('unit-toggle-1')!)
    await waitFor(() => expect(byId('unit-toggle-1')!.textContent).toBe('恢复'))
    expect(confirm).toHaveBeenLastCalledWith('在单位榜上隐藏？', '“不宜公开的名称”将不再出现在公开的单位榜上，其承诺仍计入总数。', '隐藏')
    const [mark] = await deps.store.listHidden(10)
    expect(mark).toMatchObject({ company: '不宜公开的名称', hiddenBy: ORGANISER })
    expect(byId('unit-1')!.textContent).toContain(`已隐藏 · ${ORGANISER} 于 ${monthDayTime(mark.hiddenAt)}`)
    expect(toast).toHaveBeenCalledWith('已隐藏', 'success')

    const board = await takePublicStats(deps.store, new Date())
    expect(board.topCompanies.map((entry) => entry.company)).toEqual(['质检示范企业'])
    expect(board.total).toBe(3)
  })

  test('restoring needs no confirmation and puts the name back', async () => {
    const { deps } = await withUnits()
    await deps.store.setHidden('不宜公开的名称', { hiddenBy: 'o-other', hiddenAt: '2024-09-25T02:05:00.000Z' })
    await act(async () => { safeExecute(ROUTES.organiser, 'onShow') })
    await waitFor(() => expect(byId('unit-toggle-1')!.textContent).toBe('恢复'))
    expect(byId('unit-1')!.textContent).toContain(`已隐藏 · o-other 于 ${monthDayTime('2024-09-25T02:05:00.000Z')}`)
    fireEvent.click(byId('unit-toggle-1')!)
    await waitFor(() => expect(byId('unit-toggle-1')!.textContent).toBe('隐藏'))
    expect(confirm).not.toHaveBeenCalled()
    expect(await deps.store.listHidden(10)).toEqual([])
    expect(toast).toHaveBeenCalledWith('已恢复显示', 'success')
  })

  test('a hidden name the view no longer lists among the most-named is still there to restore', async () => {
    const { deps } = await withUnits()
    await deps.store.setHidden('早已隐藏的名称', { hiddenBy: ORGANISER, hiddenAt: '2024-09-20T00:00:00.000Z' })
    await act(async () => { safeExecute(ROUTES.organiser, 'onShow') })
    await waitFor(() => within(byId('unit-board-editor')!).getByText('早已隐藏的名称'))
    expect(byId('unit-2')!.textContent).toContain('已隐藏')
    expect(byId('unit-toggle-2')!.textContent).toBe('恢复')
  })
})

describe('活动码 in the browser', () => {
  test('a new event\'s code is downloaded, and the dialog says 下载, never 相册', async () => {
    await openAsOrganiser()
    type('event-name', '质量开放日')
    type('event-place', '北京')
    fireEvent.click(byId('event-create')!)
    await waitFor(() => expect(byId('event-code-image')).not.toBeNull())
    expect(toast).toHaveBeenCalledWith('活动已创建', 'success')
    const save = byId('event-code-save')!
    expect(save.textContent).toBe('下载活动码')
    fireEvent.click(save)
    await waitFor(() => expect(toast).toHaveBeenLastCalledWith('已下载', 'success'))
    expect(document.body.textContent).not.toMatch(/相册|微信/)
    // Saved 1080 px wide, and 2160 (高清) for print: the fake names the width it exported.
    expect(posterCanvas.saveImage).toHaveBeenLastCalledWith(expect.stringMatching(/-1080w$/), '活动码-质量开放日.png')
    fireEvent.click(byId('event-code-save-hd')!)
    await waitFor(() => expect(posterCanvas.saveImage).toHaveBeenLastCalledWith(expect.stringMatching(/-2160w$/), '活动码-质量开放日.png'))
  })
})

describe('繁體', () => {
  afterEach(() => saveScript('hans'))

  test('the page, its editors and their toasts are in 繁體; typed names stay as typed', async () => {
    const served = serveFunction(ORGANISER)
    await served.deps.store.sign({ identity: 'o-a', company: '质检示范企业', source: null, pledgedAt: new Date().toISOString() })
    saveScript('hant')
    const setTitle = jest.spyOn(Taro, 'setNavigationBarTitle')
    await openAsOrganiser(served)
    await waitFor(() => within(byId('news-editor')!).getByText('還沒有添加報道。'))
    within(byId('unit-board-editor')!).getByText('單位榜')
    within(byId('unit-board-editor')!).getByText('质检示范企业')
    expect(byId('unit-toggle-0')!.getAttribute('aria-label')).toBe('在單位榜上隱藏：质检示范企业')
    expect(byId('event-create')!.textContent).toBe('創建活動並生成活動碼')
    expect(byId('organiser-export')!.textContent).toBe('導出統計（CSV，僅彙總人數）')
    fireEvent.click(byId('unit-toggle-0')!)
    await waitFor(() => expect(toast).toHaveBeenCalledWith('已隱藏', 'success'))
    expect(confirm).toHaveBeenCalledWith('在單位榜上隱藏？', '“质检示范企业”將不再出現在公開的單位榜上，其承諾仍計入總數。', '隱藏')
    await waitFor(() => expect(setTitle).toHaveBeenCalledWith({ title: '組織者後台' }))
    setTitle.mockRestore()
  })
})
