import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { safeExecute } from '@tarojs/runtime'
import PledgePage from '@/pages/pledge'
import { MOMENTS_SINGLE_PAGE_SCENE } from '@/services/moments'
import { readArrival, rememberArrival } from '@/services/attribution'
import { confirm } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import { platform } from '@/services/platform'
import { readCompany, readPending } from '@/services/pledge-draft'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

// Toasts, buzz and the confirm dialog are the platform's UI; the dialog's answer is the test's.
jest.mock('@/services/feedback', () => ({
  toast: jest.fn(async () => undefined),
  buzz: jest.fn(async () => undefined),
  confirm: jest.fn(async () => true),
}))

function setOnline (online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
}

async function openPage () {
  const view = renderPage(PledgePage, { path: ROUTES.pledge })
  await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
  // The card renders before the data, its count “—” until the state has loaded.
  await waitFor(() => expect(document.getElementById('pledge-count')?.textContent).toMatch(/^\d+$/))
  return view
}

const count = () => document.getElementById('pledge-count')?.textContent
const button = () => screen.getByText('我承诺')
/** Taro's Input renders its <input> asynchronously (a web component). */
const companyInput = () => waitFor(() => {
  const input = document.querySelector<HTMLInputElement>('#pledge-company input, input#pledge-company')
  if (input === null) throw new Error('company input not rendered yet')
  return input
})

beforeEach(() => {
  localStorage.clear()
  setOnline(true)
  jest.mocked(confirm).mockResolvedValue(true)
})

test('shows the exact total, signs with one tap and shows my number', async () => {
  const { deps } = serveFunction()
  await deps.store.sign({ identity: 'someone-else', company: null, source: null, pledgedAt: new Date().toISOString() })
  await openPage()
  expect(count()).toBe('1')
  fireEvent.click(button())
  await screen.findByText('你是第 2 位承诺者')
  expect(count()).toBe('2')
  expect(screen.queryByText('我承诺')).toBeNull()
  expect(await deps.store.audit()).toEqual({ rows: 2, counter: 2 })
})

test('the typed company is remembered, stored with the pledge and counted', async () => {
  serveFunction()
  await openPage()
  fireEvent.input(await companyInput(), { target: { value: '示范企业' } })
  expect(readCompany()).toBe('示范企业')
  fireEvent.click(button())
  await screen.findByText('「示范企业」已有 1 人承诺')
})

test('a rejected company shows the server message and keeps the input', async () => {
  const { deps } = serveFunction()
  await openPage()
  fireEvent.input(await companyInput(), { target: { value: '！！！' } })
  fireEvent.click(button())
  await screen.findByText('企业名称需要包含文字或数字')
  expect((await companyInput()).value).toBe('！！！')
  expect(await deps.store.audit()).toEqual({ rows: 0, counter: 0 })
})

test('offline: the tap is queued, shown as pending, and sent once the connection is back', async () => {
  const { calls } = serveFunction()
  await openPage()
  setOnline(false)
  fireEvent.click(button())
  await screen.findByText('已记录，联网后自动提交')
  expect(readPending()).not.toBeNull()
  expect(calls).not.toContain('sign')
  setOnline(true)
  await act(async () => { window.dispatchEvent(new Event('online')) })
  await screen.findByText('你是第 1 位承诺者')
  expect(calls.filter((action) => action === 'sign')).toHaveLength(1)
  expect(readPending()).toBeNull()
})

test('withdraw asks first; cancelling changes nothing, confirming deletes the pledge', async () => {
  const { deps } = serveFunction()
  await openPage()
  fireEvent.click(button())
  await screen.findByText('你是第 1 位承诺者')

  jest.mocked(confirm).mockResolvedValueOnce(false)
  fireEvent.click(screen.getByText('撤回承诺'))
  await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1))
  expect(await deps.store.audit()).toEqual({ rows: 1, counter: 1 })

  fireEvent.click(screen.getByText('撤回承诺'))
  await screen.findByText('我承诺')
  expect(count()).toBe('0')
  expect(await deps.store.audit()).toEqual({ rows: 0, counter: 0 })
})

test('a failed first load shows 重试, which loads again', async () => {
  serveFunction()
  const realFetch = global.fetch
  global.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
  try {
    renderPage(PledgePage, { path: ROUTES.pledge })
    await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
    await act(async () => { await jest.advanceTimersByTimeAsync(2000) })
  } finally {
    jest.useRealTimers()
  }
  await screen.findByText('网络不给力，请检查网络后重试')
  global.fetch = realFetch
  fireEvent.click(screen.getByText('重试'))
  await waitFor(() => expect(count()).toBe('0'))
})

test('shares the pledge page with a title naming the proposal', async () => {
  serveFunction()
  await openPage()
  const share = safeExecute(ROUTES.pledge, 'onShareAppMessage', { from: 'menu' })
  expect(share).toMatchObject({ path: ROUTES.pledge })
  expect(share.title).toContain('企业质量诚信倡议书')
})

test('opened from Moments (single-page mode) it says to open the mini-program, with no pledge button', async () => {
  const { calls } = serveFunction()
  const scene = jest.spyOn(platform, 'launchScene').mockReturnValue(MOMENTS_SINGLE_PAGE_SCENE)
  try {
    renderPage(PledgePage, { path: ROUTES.pledge })
    await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
    await screen.findByText('前往小程序参与承诺')
    expect(screen.queryByText('我承诺')).toBeNull()
    expect(calls).toEqual([])
  } finally {
    scene.mockRestore()
  }
})

describe('arriving through a code or a link', () => {
  const event = { id: 'a1b2c3d4', name: '质量月开放日', date: '2024-09-23', place: '北京', createdBy: 'organiser', createdAt: '2024-09-01T00:00:00.000Z' }

  test('an event code shows the event above the button and the pledge counts for it', async () => {
    const { deps } = serveFunction()
    await deps.store.createEvent(event)
    rememberArrival('e%3Aa1b2c3d4')
    await openPage()
    await screen.findByText('质量月开放日')
    expect(screen.getByText('2024年9月23日 · 北京')).toBeTruthy()
    fireEvent.click(button())
    await screen.findByText('你是第 1 位承诺者')
    expect((await deps.store.get('browser-1'))?.source).toBe('e:a1b2c3d4')
    // Credited once: the arrival is spent.
    expect(readArrival()).toBeNull()
  })

  test('an unknown event shows nothing and credits nothing, without an error', async () => {
    const { deps } = serveFunction()
    rememberArrival('e:zzzzzzzz')
    await openPage()
    fireEvent.click(button())
    await screen.findByText('你是第 1 位承诺者')
    expect(screen.queryByText('来自活动')).toBeNull()
    expect(document.getElementById('pledge-error')).toBeNull()
    expect((await deps.store.get('browser-1'))?.source).toBeNull()
  })

  test('a friend\'s link credits the friend', async () => {
    const { deps } = serveFunction()
    rememberArrival('s%3AILHnmVRMlN')
    await openPage()
    fireEvent.click(button())
    await screen.findByText('你是第 1 位承诺者')
    expect((await deps.store.get('browser-1'))?.source).toBe('s:ILHnmVRMlN')
  })
})
