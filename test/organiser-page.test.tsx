import { act } from '@testing-library/react'
import { safeExecute } from '@tarojs/runtime'
import type { OrganiserResult } from '../cloud/core/protocol'
import { getOrganiserView } from '@/services/events'
import { ROUTES } from '@/services/navigation'
import OrganiserPage from '@/subpackages/poster/pages/organiser'
import { ORGANISER_REFRESH_MS } from '@/subpackages/poster/pages/organiser/use-organiser'
import { renderPage } from './support/render-page'

// The browser twin's own flags (savesTo, drawnIn) with the fake's drawing: jsdom has no Canvas 2D.
jest.mock('@/services/canvas', () => ({
  posterCanvas: { ...jest.requireActual('@/services/canvas').posterCanvas, ...jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas().posterCanvas },
}))
jest.mock('@/services/attribution', () => ({
  ...jest.requireActual('@/services/attribution'),
  getWhoAmI: async () => ({ admin: true, scene: 's:organiser1' }),
}))
jest.mock('@/services/events', () => ({ ...jest.requireActual('@/services/events'), getOrganiserView: jest.fn() }))

const view = (total: number): OrganiserResult => ({ total, events: [], companies: [], viaShares: 0, generatedAt: new Date().toISOString(), hidden: [] })
const advance = (ms: number) => act(async () => { await jest.advanceTimersByTimeAsync(ms) })
const total = () => document.getElementById('organiser-total')?.textContent

beforeEach(() => { jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }) })
afterEach(() => { jest.useRealTimers() })

test('the counts refresh every ORGANISER_REFRESH_MS (30 s: the server recounts every 20 s at most) while shown, never while hidden', async () => {
  expect(ORGANISER_REFRESH_MS).toBe(30_000)
  let pledges = 3
  jest.mocked(getOrganiserView).mockImplementation(async () => view(pledges))
  renderPage(OrganiserPage, { path: ROUTES.organiser })
  await act(async () => { safeExecute(ROUTES.organiser, 'onShow') })
  await advance(0)
  expect(total()).toBe('3')
  expect(getOrganiserView).toHaveBeenCalledTimes(1)

  pledges = 4
  await advance(ORGANISER_REFRESH_MS - 1)
  expect(getOrganiserView).toHaveBeenCalledTimes(1)
  await advance(1)
  expect(getOrganiserView).toHaveBeenCalledTimes(2)
  expect(total()).toBe('4')

  await act(async () => { safeExecute(ROUTES.organiser, 'onHide') })
  await advance(5 * ORGANISER_REFRESH_MS)
  expect(getOrganiserView).toHaveBeenCalledTimes(2)
})
