// The H5 first screen (config/h5-startup/prerender.mjs): each tab is readable from index.html alone,
// before any app script runs, and the app takes over in place: nothing moves, the copy is gone.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { launchBrowser, openPhone, PAGE_TRANSITION_MS, screenshot, startAll, startServer } from './helpers.mjs'

let server
let browser

before(async () => {
  ;[server, browser] = await startAll(startServer({ RATE_LIMIT: 'off' }), launchBrowser())
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Cumulative layout shift allowed from first paint to a settled page (0.1 is Google's “good”). */
const MAX_TAKE_OVER_SHIFT = 0.001

// Per tab: the page's largest text (its LCP element) and other elements the shell must place exactly.
const TABS = [
  ['home', '/pages/index/index', ['.home-hero__theme', '.home-about__paragraph', '.home-entry__desc']],
  ['proposal', '/pages/proposal/index', ['.proposal__title', '.proposal-toc__item', '.proposal__tools']],
  ['pledge', '/pages/pledge/index', ['.pledge-card__title', '.pledge-card__slogan']],
]

/** Where each selector's first element is, and its text and colour. */
function layoutOf (page, scope, selectors) {
  return page.evaluate(({ scope, selectors }) => selectors.map((selector) => {
    const element = document.querySelector(`${scope} ${selector}`)
    if (!element) return { selector, missing: true }
    const { x, y, width, height } = element.getBoundingClientRect()
    return { selector, x, y, width, height, text: element.textContent.trim().slice(0, 40), color: getComputedStyle(element).color }
  }), { scope, selectors })
}

/** A page with the app's scripts refused: what index.html alone shows. */
async function shellOnly (options = {}, route) {
  const phone = await openPhone(browser, options)
  await phone.page.route('**/js/**', (request) => request.abort())
  await phone.page.goto(`${server.url}#${route}`)
  return phone
}

for (const [name, route, selectors] of TABS) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${name} (${colorScheme}): index.html alone shows the first screen, and the app replaces it without a shift`, async () => {
      const shell = await shellOnly({ colorScheme }, route)
      const shellLayout = await layoutOf(shell.page, '#qm-shell', selectors)
      assert.deepEqual(shellLayout.filter((item) => item.missing), [], 'the shell carries the page’s first screen')
      assert.ok(shellLayout.every((item) => item.height > 0 && item.y < 667 && item.text), `visible in the first screen: ${JSON.stringify(shellLayout)}`)
      assert.equal(await shell.page.locator('#qm-shell > [data-route]').count(), 1, 'only this route’s shell is kept')
      assert.equal(await shell.page.locator('#qm-shell').getAttribute('aria-hidden'), 'true')
      await screenshot(shell.page, `shell-${name}-${colorScheme}`)
      await shell.context.close()

      const { page, context, errors } = await openPhone(browser, { colorScheme })
      await page.addInitScript(() => {
        globalThis.__shifts = []
        new PerformanceObserver((list) => globalThis.__shifts.push(...list.getEntries().map((entry) => entry.value)))
          .observe({ type: 'layout-shift', buffered: true })
      })
      await page.goto(`${server.url}#${route}`)
      await page.locator(`.taro_page ${selectors[0]}`).first().waitFor()
      assert.equal(await page.locator('#qm-shell, #qm-shell-style').count(), 0, 'the live page removed the shell and its CSS')
      const appLayout = await layoutOf(page, '.taro_page_show', selectors)
      for (const [index, live] of appLayout.entries()) {
        const copy = shellLayout[index]
        for (const key of ['x', 'y', 'width', 'height']) {
          assert.ok(Math.abs(live[key] - copy[key]) < 0.5, `${live.selector} ${key}: shell ${copy[key]}, app ${live[key]}`)
        }
        assert.equal(copy.text, live.text, `${live.selector} text`)
        assert.equal(copy.color, live.color, `${live.selector} colour`)
      }
      await page.waitForLoadState('networkidle')
      // A shell that did not match would move whole blocks (Taro's navigation bar alone: 0.033);
      // the pledge count's “—” becoming a number may nudge its line by a hair.
      const shift = (await page.evaluate(() => globalThis.__shifts)).reduce((sum, value) => sum + value, 0)
      assert.ok(shift < MAX_TAKE_OVER_SHIFT, `layout shift while the app takes over: ${shift}`)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
}

test('a reader who chose a size or 繁體 in the app gets no shell (it would not match); back to 标准 and 简体, it is there again', async () => {
  for (const [choice, back] of [['#font-size-xlarge', '#font-size-standard'], ['#script-hant', '#script-hans']]) {
    const { page, context } = await openPhone(browser)
    // Chosen as a reader does, so the boot script reads what the app really stored.
    const choose = async (control) => {
      await page.goto(`${server.url}#/pages/index/index`)
      await page.locator('.taro_page:visible').locator(control).click()
      await page.waitForTimeout(PAGE_TRANSITION_MS)
    }
    const shellOnReload = async () => {
      await page.route('**/js/**', (request) => request.abort())
      await page.reload()
      const count = await page.locator('#qm-shell, #qm-shell-style').count()
      await page.unroute('**/js/**')
      // The app again, for the next choice.
      await page.reload()
      return count
    }
    await choose(choice)
    assert.equal(await shellOnReload(), 0, `${choice}: no shell`)
    await choose(back)
    assert.equal(await shellOnReload(), 2, `${back}: the shell and its style`)
    await context.close()
  }
  const other = await shellOnly({}, '/pages/not-found/index')
  assert.equal(await other.page.locator('#qm-shell').count(), 0, 'a page that is not a tab has no shell')
  await other.context.close()
})

test('the app starts without a shell too: a page that is not a tab, opened directly, renders', async () => {
  const { page, context, errors } = await openPhone(browser)
  await page.goto(`${server.url}#/pages/not-found/index`)
  await page.locator('.taro_page:visible').getByText('未找到页面').first().waitFor()
  assert.deepEqual(errors, [])
  await context.close()
})

test('when an app script cannot be loaded, the reader is told so and can reload', async () => {
  const { page, context } = await openPhone(browser)
  let refuse = true
  await page.route('**/js/**', (request) => (refuse ? request.abort() : request.continue()))
  await page.goto(`${server.url}#/pages/proposal/index`)
  const alert = page.getByRole('alert')
  await alert.waitFor()
  assert.match(await alert.textContent(), /网络不佳，页面没有加载完成/)
  const box = await alert.getByRole('button', { name: '重新加载' }).boundingBox()
  assert.ok(box.height >= 44, `reload button is ${box.height}px tall`)
  await screenshot(page, 'shell-load-error')
  refuse = false
  await alert.getByRole('button', { name: '重新加载' }).click()
  await page.locator('.taro_page #proposal-title').waitFor()
  assert.equal(await page.getByRole('alert').count(), 0)
  await context.close()
})

test('the 承诺 page asks the function for my status once, from the boot script before the app runs, and shows it', async () => {
  const { page, context, errors } = await openPhone(browser)
  const asked = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/pledge')) asked.push(JSON.parse(request.postData()).action)
  })
  await page.goto(`${server.url}#/pages/pledge/index`)
  await page.locator('.taro_page:visible #pledge-button').waitFor()
  // The app's own first call is whoami (app.ts); status went before it, and the page took that reply.
  assert.deepEqual(asked.slice(0, 2), ['status', 'whoami'])
  assert.equal(asked.filter((action) => action === 'status').length, 1, 'one status call')
  assert.match(await page.locator('.taro_page:visible #pledge-count').textContent(), /^\d+$/)
  assert.deepEqual(errors, [])
  await context.close()
})
