import { fireEvent, screen } from '@testing-library/react'
import PageFrame from '@/components/page-frame'
import { ROUTES } from '@/services/navigation'
import { saveFontScale } from '@/services/preferences'
import { wayBack } from '@/services/way-back'
import type { WayBack } from '@/services/way-back-types'
import { renderPage } from './support/render-page'

jest.mock('@/services/way-back', () => ({ wayBack: jest.fn() }))

/** A route that stays in flight until the test settles it. */
function pendingWay (to: WayBack['to']) {
  let settle!: (done: boolean) => void
  const go = jest.fn(() => new Promise<boolean>((resolve) => { settle = resolve }))
  return { way: { to, go }, settle: (done: boolean) => settle(done) }
}

const frameRoot = (container: HTMLElement) => container.querySelector<HTMLElement>('.qm-page')!

beforeEach(() => {
  localStorage.clear()
  jest.mocked(wayBack).mockReset()
})

test('the root carries qm-page and the saved reading size; the page\'s own class is on the box holding its content', () => {
  saveFontScale('xlarge')
  jest.mocked(wayBack).mockReturnValue(null)
  const { container } = renderPage(() => <PageFrame className='organiser'><p>内容</p></PageFrame>, { path: ROUTES.organiser })
  const root = frameRoot(container)
  expect([...root.classList]).toEqual(['qm-page', 'qm-page--xlarge'])
  expect(root.querySelector('.organiser')?.textContent).toBe('内容')
})

test('a page that shows the size control passes the size it shows', () => {
  saveFontScale('xlarge')
  jest.mocked(wayBack).mockReturnValue(null)
  const { container } = renderPage(() => <PageFrame scale='large' />, { path: ROUTES.notFound })
  expect([...frameRoot(container).classList]).toEqual(['qm-page', 'qm-page--large'])
})

test('first in the stack: 返回首页, above the content, followed once however often it is tapped', async () => {
  const { way, settle } = pendingWay('home')
  jest.mocked(wayBack).mockReturnValue(way)
  const { container } = renderPage(() => <PageFrame className='my-poster'><p>内容</p></PageFrame>, { path: ROUTES.myPoster })
  const button = screen.getByRole('button', { name: '返回首页' })
  expect(button.textContent).toBe('返回首页')
  expect(frameRoot(container).firstElementChild?.contains(button)).toBe(true)

  fireEvent.click(button)
  fireEvent.click(button)
  expect(way.go).toHaveBeenCalledTimes(1)
  // A route that did not happen can be tried again.
  settle(false)
  await Promise.resolve()
  fireEvent.click(button)
  expect(way.go).toHaveBeenCalledTimes(2)
})

test('a page below in the app (browser): 返回, named 返回上一页; Enter follows it too', () => {
  const { way } = pendingWay('back')
  jest.mocked(wayBack).mockReturnValue(way)
  renderPage(() => <PageFrame />, { path: ROUTES.notFound })
  const button = screen.getByRole('button', { name: '返回上一页' })
  expect(button.textContent).toBe('返回')
  fireEvent.keyDown(button, { key: 'Enter' })
  expect(way.go).toHaveBeenCalledTimes(1)
})

test('no way needed (WeChat\'s own back button, Moments): nothing is added', () => {
  jest.mocked(wayBack).mockReturnValue(null)
  renderPage(() => <PageFrame><p>内容</p></PageFrame>, { path: ROUTES.notFound })
  expect(screen.queryByRole('button')).toBeNull()
})

test('a tab page: the browser tab bar after the content, and no way back (the tab bar is the way)', () => {
  renderPage(() => <PageFrame tab='proposal'><p>内容</p></PageFrame>, { path: ROUTES.proposal })
  expect(wayBack).not.toHaveBeenCalled()
  expect(screen.getByRole('navigation', { name: '主导航' }).querySelector('[aria-current=page]')?.textContent).toBe('倡议书')
  expect(screen.queryByRole('button')).toBeNull()
})
