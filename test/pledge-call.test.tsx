import { act, fireEvent, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { safeExecute } from '@tarojs/runtime'
import HomePage from '@/pages/index'
import ProposalPage from '@/pages/proposal'
import { rememberMyPledge } from '@/services/my-pledge'
import { ROUTE_ANIMATION_MS, ROUTES } from '@/services/navigation'
import { renderPage } from './support/render-page'

const CALL = '响应倡议，去承诺'
const PAGES = [
  { name: '首页', Page: HomePage, path: ROUTES.home, id: 'home-pledge-call' },
  { name: '倡议书', Page: ProposalPage, path: ROUTES.proposal, id: 'proposal-pledge-call' },
]

let fetched: unknown[]
beforeEach(() => {
  localStorage.clear()
  // Taro's page stack without its router (not created here): the page under test alone.
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'pages/index/index' }] as ReturnType<typeof Taro.getCurrentPages>)
  fetched = []
  global.fetch = jest.fn(async (...args: unknown[]) => { fetched.push(args) }) as unknown as typeof fetch
})
afterEach(() => jest.restoreAllMocks())

describe.each(PAGES)('$name', ({ Page, path, id }) => {
  const call = () => document.getElementById(id)!

  test('unknown or no pledge: the call to pledge, which switches to the 承诺 tab', async () => {
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    renderPage(Page, { path })
    expect(call().textContent).toBe(CALL)
    expect(call().getAttribute('role')).toBe('button')
    fireEvent.click(call())
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: ROUTES.pledge }))
    // The tab shows and slides in: the route has settled and the next tap is taken (services/navigation).
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: ROUTES.pledge.slice(1) }] as ReturnType<typeof Taro.getCurrentPages>)
    await act(() => new Promise((resolve) => setTimeout(resolve, 100 + ROUTE_ANIMATION_MS)))
  })

  test('signed: my number (an id, not a place), learnt from the pledge page, with no call of its own', async () => {
    rememberMyPledge({ number: 257 })
    renderPage(Page, { path })
    await act(async () => { safeExecute(path, 'onShow') })
    expect(call().textContent).toBe('已承诺 · 承诺编号 No.257')
    expect(call().className).toContain('pledge-call--signed')
    expect(document.body.textContent).not.toMatch(/第\s*\d+\s*位/)
    // 首页's news list asks for organisers' reports; the call to pledge asks nothing.
    const actions = fetched.map((args) => JSON.parse((args as [string, { body: string }])[1].body).action)
    expect(actions.filter((action) => action !== 'news')).toEqual([])
  })

  test('tab pages stay mounted: each show reads it again (signed, then withdrawn)', async () => {
    renderPage(Page, { path })
    expect(call().textContent).toBe(CALL)
    rememberMyPledge({ number: 3 })
    await act(async () => { safeExecute(path, 'onShow') })
    expect(call().textContent).toBe('已承诺 · 承诺编号 No.3')
    rememberMyPledge(null)
    await act(async () => { safeExecute(path, 'onShow') })
    expect(call().textContent).toBe(CALL)
  })
})

test('首页 has it in the hero; 倡议书 at the end of the document, before 回到目录', () => {
  const home = renderPage(HomePage, { path: ROUTES.home })
  expect(home.container.querySelector('.home-hero #home-pledge-call')).not.toBeNull()
  home.unmount()
  const { container } = renderPage(ProposalPage, { path: ROUTES.proposal })
  const body = container.querySelector('.proposal__body')!
  const [call, back] = [body.querySelector('#proposal-pledge-call')!, body.querySelector('#proposal-back-to-toc')!]
  expect(call.compareDocumentPosition(back) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  const lastSection = [...body.querySelectorAll('.proposal__section')].at(-1)!
  expect(lastSection.compareDocumentPosition(call) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})
