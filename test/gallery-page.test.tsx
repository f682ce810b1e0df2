import { screen, waitFor } from '@testing-library/react'
import { posterTemplates } from '@/poster'
import { posterCanvas } from '@/services/canvas'
import { ROUTES } from '@/services/navigation'
import PosterGalleryPage from '@/subpackages/poster/pages/gallery'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

jest.mock('@/services/canvas', () => jest.requireActual('./support/fake-poster-canvas').createFakePosterCanvas())

const thumbnails = () => posterTemplates.filter((template) => document.getElementById(`poster-thumb-${template.id}`) !== null)

test('draws every poster once per launch: reopening the gallery reuses the drawn images', async () => {
  serveFunction()
  const first = renderPage(PosterGalleryPage, { path: ROUTES.posters })
  await waitFor(() => expect(thumbnails()).toHaveLength(posterTemplates.length))
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
