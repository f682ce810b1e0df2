import { waitFor } from '@testing-library/react'
import { posterTemplates } from '@/poster'
import { ROUTES } from '@/services/navigation'
import { SHARE_CODE_WAIT_MS } from '@/subpackages/poster/draw'
import PosterGalleryPage from '@/subpackages/poster/pages/gallery'
import { renderPage } from './support/render-page'

// The browser twin's own flags (savesTo, drawnIn) with the fake's drawing: jsdom has no Canvas 2D.
jest.mock('@/services/canvas', () => ({
  posterCanvas: { ...jest.requireActual('@/services/canvas').posterCanvas, ...jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas().posterCanvas },
}))

test(`a share code that has not come after SHARE_CODE_WAIT_MS (${SHARE_CODE_WAIT_MS} ms) does not hold the posters back`, async () => {
  // The function never answers (a weak network at an event).
  global.fetch = jest.fn(() => new Promise(() => undefined)) as unknown as typeof fetch
  const started = Date.now()
  renderPage(PosterGalleryPage, { path: ROUTES.posters })
  const first = () => document.getElementById(`poster-thumb-${posterTemplates[0].id}`)
  await waitFor(() => expect(first()).not.toBeNull(), { timeout: SHARE_CODE_WAIT_MS + 2000 })
  expect(Date.now() - started).toBeGreaterThanOrEqual(SHARE_CODE_WAIT_MS - 50)
}, SHARE_CODE_WAIT_MS + 5000)
