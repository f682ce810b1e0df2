import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { ROUTES } from '@/services/navigation'
import { readNickname } from '@/services/pledge-draft'
import MyPosterPage from '@/subpackages/poster/pages/personal'
import { REDRAW_DELAY_MS } from '@/subpackages/poster/pages/personal/use-my-poster'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

jest.mock('@/services/canvas', () => jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas())

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
