// News that leads somewhere, in a real browser, in light, dark and at 特大: 首页 lists organisers'
// reports above the document's five; one with a link is a real link that opens in a new tab, one
// without (and each of the document's) is a list entry. The organiser view adds, corrects and
// removes reports (the function's message under the form, nothing typed lost) and hides a unit
// name from the public 单位榜 and restores it. Every state is checked with axe-core and saved as a
// screenshot (news-<mode>-*).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { asSomeone, assertAccessible, callPledge, currentPage, launchBrowser, loadContent, openPhone, PAGE_TRANSITION_MS, screenshot, startAll, startServer } from './helpers.mjs'

const ORGANISER_KEY = 'e2e-organiser-key-0123456789'
const MODES = ['light', 'dark', 'xlarge']
/** What 特大 promises on a 375 px screen (as e2e/care.test.mjs checks every page). */
/** A site the tests answer themselves: the browser never leaves the machine. */
const SITE = 'https://news.example.com'

let server
let browser
let content
/** Reports an organiser added before any page is opened: one with a link, one without. */
let linked
let unlinked

before(async () => {
  ;[server, browser, content] = await startAll(startServer({ RATE_LIMIT: 'off', ORGANISER_KEY }), launchBrowser(), loadContent())
  ;[unlinked, linked] = await asOrganiser(async (page) => [
    (await callPledge(page, server, { action: 'saveNews', source: '质量周刊', title: '企业质量诚信倡议书发布', date: '2024-09-24' })).data.report,
    (await callPledge(page, server, { action: 'saveNews', source: '质量时报', title: '质量月千家企业倡议活动启动', date: '2024-09-25', link: `${SITE}/2024/0925.html` })).data.report,
  ])
  for (const mode of MODES) await asSomeone(browser, (page) => callPledge(page, server, { action: 'sign', company: unitOf(mode) }))
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The unit each mode's test hides: its own, so the three runs do not meet. */
const unitOf = (mode) => `待隐藏的单位${{ light: '甲', dark: '乙', xlarge: '丙' }[mode]}`

async function asOrganiser (act) {
  return asSomeone(browser, async (page) => {
    await page.request.get(`${server.url}organiser?key=${ORGANISER_KEY}`)
    return act(page)
  })
}

/**
 * A phone in the mode's theme; `prepare` runs before any page opens (the app asks once per launch
 * whether this is an organiser). At 特大 the size is chosen on 倡议书 first (saved, as a reader does).
 */
async function phoneIn (mode, prepare) {
  const phone = await openPhone(browser, mode === 'dark' ? { colorScheme: 'dark' } : {})
  await prepare?.(phone.page)
  if (mode === 'xlarge') {
    await visit(phone.page, '/pages/proposal/index', '#proposal-title')
    await currentPage(phone.page).locator('#font-size-xlarge').click()
    await phone.page.waitForSelector('.qm-page--xlarge .proposal', { state: 'visible' })
  }
  return phone
}

async function visit (page, route, probe) {
  await page.goto(`${server.url}#${route}`)
  await currentPage(page).locator(probe).first().waitFor({ state: 'visible' })
  await page.waitForTimeout(PAGE_TRANSITION_MS)
}


/**
 * Checks a state: axe finds nothing serious; at 特大 every text inside `selectors` is ≥ 18 px and
 * every control there ≥ 44 px; then the screenshot, with `selectors[0]` in the middle of the screen.
 */
async function check (page, mode, name, selectors) {
  await assertAccessible(page, mode, name, selectors)
  await currentPage(page).locator(selectors[0]).first().evaluate((element) => element.scrollIntoView({ block: 'center' }))
  await screenshot(page, `news-${mode}-${name}`)
}

const field = (page, id) => currentPage(page).locator(`#${id} input, input#${id}`).first()
const unitRow = (page, name) => currentPage(page).locator('#unit-board-editor .organiser-row', { hasText: name })
/** Taro's H5 showModal: its confirm button. */
const confirmModal = (page) => page.locator('.taro__modal .taro-model__confirm')

for (const mode of MODES) {
  describe(mode, () => {
    test('首页: organisers\' reports above the document\'s five; a link opens in a new tab, the rest are entries', async () => {
      const { page, context, errors } = await phoneIn(mode)
      await context.route(`${SITE}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>报道原文</title><p>原文</p>' }))
      await visit(page, '/pages/index/index', `#news-${linked.id}`)
      const home = currentPage(page)
      const ids = await home.locator('.news-list__item').evaluateAll((items) => items.map((item) => item.id))
      assert.deepEqual(ids, [`news-${linked.id}`, `news-${unlinked.id}`, ...content.newsItems.map((item) => `news-${item.id}`)])

      const link = home.locator(`#news-${linked.id}`)
      assert.equal(await link.evaluate((element) => element.tagName), 'A')
      assert.equal(await link.getAttribute('href'), linked.link)
      assert.equal(await link.getAttribute('target'), '_blank')
      assert.ok((await link.getAttribute('rel')).split(' ').includes('noopener'))
      const named = await home.getByRole('link', { name: new RegExp(linked.title) }).innerText()
      assert.match(named, /在新标签页打开/)
      assert.match(named, /news\.example\.com/)
      assert.doesNotMatch(named, /复制|小程序/, 'no WeChat wording in the browser')
      for (const id of [unlinked.id, ...content.newsItems.map((item) => item.id)]) {
        const entry = home.locator(`#news-${id}`)
        assert.equal(await entry.evaluate((element) => element.matches('a, [role=button], [tabindex]') || !!element.querySelector('a, [role=button]')), false, `${id} leads nowhere`)
      }
      await check(page, mode, 'home', [`#news-${linked.id}`, `#news-${unlinked.id}`, `#news-${content.newsItems[0].id}`])

      const [tab] = await Promise.all([context.waitForEvent('page'), link.click()])
      await tab.waitForLoadState()
      assert.equal(tab.url(), linked.link)
      assert.equal(await tab.evaluate(() => window.opener), null, 'rel=noopener: the report cannot reach back')
      await tab.close()
      assert.equal(await page.evaluate(() => location.hash), '#/pages/index/index', '首页 stays')
      assert.deepEqual(errors, [])
      await context.close()
    })

    test('organiser: adds, corrects and removes a report; hides a unit name and restores it', async () => {
      const { page, context, errors } = await phoneIn(mode, (fresh) => fresh.request.get(`${server.url}organiser?key=${ORGANISER_KEY}`))
      await visit(page, '/subpackages/poster/pages/organiser/index', `#news-report-${linked.id}`)
      const view = currentPage(page)
      for (const name of ['媒体名称', '报道标题', '报道链接（可不填）']) assert.equal(await view.getByRole('textbox', { name, exact: true }).count(), 1, name)

      // A link without https: the function's own message, and nothing typed is lost.
      const title = `质量月报道（${mode}）`
      await field(page, 'news-form-source').fill('质量时报')
      await field(page, 'news-form-title').fill(title)
      await field(page, 'news-form-link').fill('news.example.com/a')
      await view.locator('#news-form-save').click()
      await view.locator('#news-form-error').waitFor()
      assert.equal(await view.locator('#news-form-error').innerText(), '报道链接应为完整网址，以 https:// 开头')
      assert.deepEqual(await Promise.all(['news-form-source', 'news-form-title', 'news-form-link'].map((id) => field(page, id).inputValue())), ['质量时报', title, 'news.example.com/a'])
      await check(page, mode, 'organiser-error', ['#news-form', '#news-editor'])

      await field(page, 'news-form-link').fill(`${SITE}/a`)
      await view.locator('#news-form-save').click()
      const row = view.locator('#news-editor .organiser-row', { hasText: title })
      await row.waitFor()
      assert.equal(await field(page, 'news-form-title').inputValue(), '')
      await check(page, mode, 'organiser-news', ['#news-editor'])

      // Corrected in the form, then removed (asked first).
      await row.getByRole('button', { name: `编辑：${title}` }).click()
      assert.equal(await field(page, 'news-form-title').inputValue(), title)
      assert.equal((await view.locator('#news-form-save').innerText()).trim(), '保存修改')
      await field(page, 'news-form-title').fill(`${title}（更正）`)
      await view.locator('#news-form-save').click()
      const corrected = view.locator('#news-editor .organiser-row', { hasText: `${title}（更正）` })
      await corrected.waitFor()
      await corrected.getByRole('button', { name: `删除：${title}（更正）` }).click()
      await confirmModal(page).click()
      await corrected.waitFor({ state: 'detached' })
      const reports = (await callPledge(page, server, { action: 'news' })).data.reports
      assert.deepEqual(reports.map((report) => report.id).sort(), [linked.id, unlinked.id].sort())

      // 单位榜: hidden after confirming, marked with who and when; restored without asking.
      const unit = unitRow(page, unitOf(mode))
      await unit.getByRole('button', { name: `在单位榜上隐藏：${unitOf(mode)}` }).click()
      await confirmModal(page).click()
      await unit.getByText(/^已隐藏 · organiser 于 \d+月\d+日 \d\d:\d\d$/).waitFor()
      await check(page, mode, 'organiser-unit-hidden', ['#unit-board-editor'])
      const hidden = (await callPledge(page, server, { action: 'organiser' })).data.hidden
      assert.deepEqual(hidden.map((mark) => [mark.company, mark.hiddenBy]), [[unitOf(mode), 'organiser']])

      await unit.getByRole('button', { name: `恢复显示：${unitOf(mode)}` }).click()
      await unit.getByRole('button', { name: `在单位榜上隐藏：${unitOf(mode)}` }).waitFor()
      assert.equal(await unit.getByText(/已隐藏/).count(), 0)
      assert.deepEqual((await callPledge(page, server, { action: 'organiser' })).data.hidden, [])
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
