// Issue 14 in a real browser: every page that is not a tab shows its way back, since the H5 build
// has no navigation bar. Opened by its URL (a shared link, a code, a reload) it is 返回首页 and
// leads to 首页; opened from a page of the app it is 返回 and goes back to that page, never out of
// the app. In light, dark and 特大: visible at the top, ≥ 44 px, text ≥ 18 px at 特大, axe clean;
// a screenshot of each.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { axeViolations, callPledge, currentPage, launchBrowser, openPhone, PAGE_TRANSITION_MS, screenshot, startAll, startServer } from './helpers.mjs'

const ORGANISER_KEY = 'e2e-organiser-key-0123456789'
const HOME = '/pages/index/index'
const PLEDGE = '/pages/pledge/index'
const MIN_TARGET_PX = 44
const MIN_XLARGE_TEXT_PX = 18

let server
let browser

before(async () => {
  ;[server, browser] = await startAll(startServer({ ORGANISER_KEY }), launchBrowser())
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (page) => page.request.get(`${server.url}organiser?key=${ORGANISER_KEY}`)
const sign = (page) => callPledge(page, server, { action: 'sign' })

/** Each page that is not a tab, a probe that it has loaded, and what its reader needs first. */
const PAGES = [
  ['not-found', '/pages/not-found/index', 'text=未找到页面'],
  ['gallery', '/subpackages/poster/pages/gallery/index', '.poster-gallery__intro'],
  // Before its reader is an organiser: the 仅限活动组织者 state.
  ['organiser-forbidden', '/subpackages/poster/pages/organiser/index', 'text=仅限活动组织者'],
  ['my-poster', '/subpackages/poster/pages/personal/index', '#my-poster-image', sign],
  ['organiser', '/subpackages/poster/pages/organiser/index', '#organiser-total', signIn],
]

const THEMES = [
  ['light', {}],
  ['dark', { colorScheme: 'dark' }],
  ['xlarge', {}, chooseXlarge],
]

/** Picks 特大 where readers do (倡议书's size control); every page opened after it is at that size. */
async function chooseXlarge (page) {
  await page.goto(`${server.url}#/pages/proposal/index`)
  await currentPage(page).locator('#font-size-xlarge').click()
  await page.waitForFunction(() => document.querySelector('.qm-page--xlarge'))
}

/** Opens `route` as the first page of the app: Taro's page stack holds it alone after a load. */
async function openFirst (page, route, probe) {
  await page.goto(`${server.url}#${route}`)
  await page.reload()
  await currentPage(page).locator(probe).first().waitFor()
  await page.waitForTimeout(PAGE_TRANSITION_MS)
}

/** The shown page's way back, by the name a screen reader announces. */
const wayBack = (page, name) => currentPage(page).getByRole('button', { name, exact: true })


/** On screen at the top without scrolling, a ≥ 44 px target, its text at least `minText` px. */
async function assertReachable (control, minText) {
  const box = await control.boundingBox()
  assert.ok(box, 'the control is laid out')
  assert.ok(box.y >= 0 && box.y + box.height <= 200, `at the top of the screen: y ${box.y}`)
  assert.ok(box.width >= MIN_TARGET_PX && box.height >= MIN_TARGET_PX, `target ${box.width}×${box.height}`)
  const fontSize = await control.evaluate((element) => Number.parseFloat(getComputedStyle(element.querySelector('*') ?? element).fontSize))
  assert.ok(fontSize >= minText, `text ${fontSize}px`)
}

async function shownRoute (page) {
  await page.waitForTimeout(PAGE_TRANSITION_MS)
  return page.evaluate(() => location.hash.slice(1).split('?')[0])
}

for (const [theme, options, prepareTheme] of THEMES) {
  describe(`opened first, ${theme}`, () => {
    test(`every page that is not a tab shows 返回首页 at the top, and it leads to 首页 (${theme})`, async () => {
      const { page, context, errors } = await openPhone(browser, options)
      await prepareTheme?.(page)
      for (const [name, route, probe, prepare] of PAGES) {
        await prepare?.(page)
        await openFirst(page, route, probe)
        const control = wayBack(page, '返回首页')
        assert.equal(await control.innerText(), '返回首页', name)
        await assertReachable(control, theme === 'xlarge' ? MIN_XLARGE_TEXT_PX : 0)
        assert.deepEqual(await axeViolations(page), [], `${name}, ${theme}`)
        await screenshot(page, `way-back-${theme}-${name}`)

        await control.click()
        await currentPage(page).locator('#home-theme').waitFor()
        assert.equal(await shownRoute(page), HOME, `${name}: 返回首页 opens 首页`)
        if (theme === 'xlarge') assert.ok(await page.locator('.qm-page--xlarge').first().isVisible(), '特大 stays')
      }
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}

describe('opened from a page of the app', () => {
  /** Page → the control that opens the next one → its probe. */
  const JOURNEYS = [
    ['gallery', HOME, '#entry-posters', '.poster-gallery__intro'],
    ['my-poster', PLEDGE, '#pledge-poster', '#my-poster-image', sign],
    ['organiser', PLEDGE, '#pledge-organiser', '#organiser-total', signIn],
  ]

  for (const [theme, options, prepareTheme] of THEMES) {
    test(`返回 goes back to the page it was opened from, within the app (${theme})`, async () => {
      const { page, context, errors } = await openPhone(browser, options)
      await prepareTheme?.(page)
      for (const [name, from, entry, probe, prepare] of JOURNEYS) {
        await prepare?.(page)
        await openFirst(page, from, entry)
        await currentPage(page).locator(entry).click()
        await currentPage(page).locator(probe).first().waitFor()
        await page.waitForTimeout(PAGE_TRANSITION_MS)
        assert.equal(await wayBack(page, '返回首页').count(), 0, `${name}: a page below, so no 返回首页`)
        const control = wayBack(page, '返回上一页')
        assert.equal(await control.innerText(), '返回', name)
        await assertReachable(control, theme === 'xlarge' ? MIN_XLARGE_TEXT_PX : 0)
        assert.deepEqual(await axeViolations(page), [], `${name}, ${theme}`)
        if (theme !== 'light') await screenshot(page, `way-back-${theme}-${name}-from-app`)

        // Two quick taps: one step back, still in the app.
        await control.dblclick()
        assert.equal(await shownRoute(page), from, `${name}: 返回 goes back to ${from}`)
        assert.ok(await currentPage(page).locator(entry).isVisible(), `${name}: ${from} is shown again`)
      }
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})
