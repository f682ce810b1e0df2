// Issue 14 in a real browser, in light, dark and at 特大: the call to pledge on 首页 and at the end of
// 倡议书 and what they show once signed, the pledge page stating the six items and its boards, an
// event code's and a friend's arrival, and taps (a burst on 我承诺, one route at a time, offline).
// Every state is checked with axe-core and saved as a screenshot.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { asSomeone, assertAccessible, callPledge, currentPage, launchBrowser, loadContent, openPhone, PAGE_TRANSITION_MS, screenshot, startAll, startServer } from './helpers.mjs'

const ORGANISER_KEY = 'e2e-organiser-key-0123456789'
const CALL = '响应倡议，去承诺'
const BUTTON = '我承诺践行以上倡议'
const FRIEND = '好友邀请你一起响应倡议'
const MODES = ['light', 'dark', 'xlarge']
/** What 特大 promises on a 375 px screen (as e2e/care.test.mjs checks every page). */
/** Units pledged before any page reads the public counts (the runner keeps them 10 s). */
const UNITS = [['质检示范企业', 2], ['诚信经营单位', 1]]

let server
/** A runner with no pledge at all: the empty board. */
let emptyServer
let browser
let content
/** An event made by an organiser, and a friend's `s:` scene. */
let event
let friendScene

before(async () => {
  ;[server, emptyServer, browser, content] = await startAll(
    startServer({ RATE_LIMIT: 'off', ORGANISER_KEY }), startServer({ RATE_LIMIT: 'off' }), launchBrowser(), loadContent())
  for (const [company, people] of UNITS) {
    for (let i = 0; i < people; i++) await asSomeone(browser, (page) => callPledge(page, server, { action: 'sign', company }))
  }
  friendScene = await asSomeone(browser, async (page) => (await callPledge(page, server, { action: 'whoami' })).data.scene)
  event = await asSomeone(browser, async (page) => {
    await page.request.get(`${server.url}organiser?key=${ORGANISER_KEY}`)
    return (await callPledge(page, server, { action: 'createEvent', name: '质量月开放日', date: '2024-09-23', place: '北京国家会议中心' })).data.event
  })
})
after(async () => {
  await browser?.close()
  await server?.stop()
  await emptyServer?.stop()
})

/** A phone in the mode's theme; at 特大 the size is chosen on 倡议书 first (saved, as a reader does). */
async function phoneIn (mode, on = server) {
  const phone = await openPhone(browser, mode === 'dark' ? { colorScheme: 'dark' } : {})
  if (mode === 'xlarge') {
    await visit(phone.page, '/pages/proposal/index', '#proposal-title', on)
    await currentPage(phone.page).locator('#font-size-xlarge').click()
    await phone.page.waitForSelector('.qm-page--xlarge .proposal', { state: 'visible' })
  }
  return phone
}

async function visit (page, route, probe, on = server) {
  await page.goto(`${on.url}#${route}`)
  await currentPage(page).locator(probe).first().waitFor({ state: 'visible' })
  await page.waitForTimeout(PAGE_TRANSITION_MS)
}

/** The shown page's tab bar (tab pages stay in the DOM, hidden). */
async function tapTab (page, label) {
  await currentPage(page).getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true }).click()
  await page.waitForTimeout(PAGE_TRANSITION_MS)
}


/**
 * Checks a state of a page: axe finds nothing serious; at 特大 every text in `selectors` is ≥ 18 px
 * and every control there ≥ 44 px; then the screenshot.
 */
async function check (page, mode, name, selectors) {
  await assertAccessible(page, mode, name, selectors)
  await screenshot(page, `journey-${mode}-${name}`)
}

/** Brings an element to the middle of the screen (clear of the fixed tab bar) for a screenshot. */
const reveal = (page, selector) => currentPage(page).locator(selector).evaluate((element) => element.scrollIntoView({ block: 'center' }))

const text = async (page, selector) => (await currentPage(page).locator(selector).textContent()).trim()

/** The bottom of what is visible above the tab bar. */
const foldOf = async (page) => (await currentPage(page).getByRole('navigation', { name: '主导航' }).boundingBox()).y

for (const mode of MODES) {
  describe(mode, () => {
    test('首页 and 倡议书 call to pledge, lead to the 承诺 tab, and show my number once I have pledged', async () => {
      const phone = await phoneIn(mode)
      const { page } = phone
      await visit(page, '/pages/index/index', '#home-pledge-call')
      assert.equal(await text(page, '#home-pledge-call'), CALL)
      const call = await currentPage(page).locator('#home-pledge-call').boundingBox()
      assert.ok(call.y + call.height <= await foldOf(page), 'the call is in the first screen, above the tab bar')
      assert.equal(await currentPage(page).locator('.home-hero #home-pledge-call').count(), 1, 'in the hero')
      await check(page, mode, 'home', ['.home-hero'])

      // 倡议书 ends with the call, then 回到目录.
      await tapTab(page, '倡议书')
      await reveal(page, '#proposal-back-to-toc')
      assert.equal(await text(page, '#proposal-pledge-call'), CALL)
      const [end, back] = [await currentPage(page).locator('#proposal-pledge-call').boundingBox(), await currentPage(page).locator('#proposal-back-to-toc').boundingBox()]
      assert.ok(end.y < back.y, 'the call comes before 回到目录')
      await check(page, mode, 'proposal-end', ['.proposal__call', '.proposal__back'])

      // The pledge page: the card, then the six items in the document's words, then the button.
      await currentPage(page).locator('#proposal-pledge-call').click()
      await currentPage(page).locator('#pledge-button').waitFor({ state: 'visible' })
      await page.waitForTimeout(PAGE_TRANSITION_MS)
      assert.match(page.url(), /#\/pages\/pledge\/index/)
      const sections = content.proposal.groups.flatMap((group) => group.sections)
      assert.deepEqual(await currentPage(page).locator('.pledge-items__item').allTextContents(), sections.map((section) => section.heading))
      assert.deepEqual(await currentPage(page).locator('.pledge-items__group-name').allTextContents(), ['企业界', '全社会'])
      assert.equal(await text(page, '#pledge-button'), BUTTON)
      const [title, items, button] = await Promise.all(['.pledge-card__title', '#pledge-items', '#pledge-button']
        .map((selector) => currentPage(page).locator(selector).boundingBox()))
      assert.ok(title.y < items.y && items.y + items.height <= button.y, 'title, then the items, then the button')
      // 单位榜: the units pledged before, most first.
      await currentPage(page).locator('.pledge-board__row').first().waitFor()
      assert.deepEqual(await currentPage(page).locator('.pledge-board__row').evaluateAll((rows) => rows.map((row) => row.innerText.split(/\s+/).join(' '))),
        UNITS.map(([company, people], i) => `${i + 1} ${company} ${people} 人`))
      await currentPage(page).evaluate((scroller) => { scroller.scrollTop = 0 })
      await check(page, mode, 'pledge-before', ['.pledge-card', '.pledge-items', '.pledge-form', '.pledge-board'])

      await currentPage(page).locator('#pledge-button').click()
      await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })
      await currentPage(page).locator('#pledge-result-cover').waitFor({ state: 'detached' })
      const number = /^承诺编号 No\.(\d+)$/.exec(await text(page, '#pledge-number'))?.[1]
      assert.ok(number, 'my number is shown')
      await reveal(page, '#pledge-result')
      await check(page, mode, 'pledge-after', ['.pledge-result', '.pledge-board'])

      // Back on 首页 and 倡议书: my number, from what the pledge page learnt.
      await tapTab(page, '首页')
      assert.equal(await text(page, '#home-pledge-call'), `已承诺 · 承诺编号 No.${number}`)
      assert.doesNotMatch(await currentPage(page).innerText(), /第\s*\d+\s*位/)
      await check(page, mode, 'home-signed', ['.home-hero'])
      await tapTab(page, '倡议书')
      await reveal(page, '#proposal-back-to-toc')
      assert.equal(await text(page, '#proposal-pledge-call'), `已承诺 · 承诺编号 No.${number}`)
      await check(page, mode, 'proposal-end-signed', ['.proposal__call'])
      await currentPage(page).locator('#proposal-pledge-call').click()
      await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })

      assert.deepEqual(phone.errors, [])
      await phone.context.close()
    })

    test('an empty 单位榜 says how a unit gets on it', async () => {
      const phone = await phoneIn(mode, emptyServer)
      await visit(phone.page, '/pages/pledge/index', '#pledge-board-empty', emptyServer)
      assert.equal(await currentPage(phone.page).locator('.pledge-board__row').count(), 0)
      await reveal(phone.page, '#pledge-board')
      await check(phone.page, mode, 'pledge-board-empty', ['.pledge-board'])
      assert.deepEqual(phone.errors, [])
      await phone.context.close()
    })

    test('an event code names the event (and its count when the function gives one); a friend\'s link says a friend invited you', async () => {
      const scanner = await phoneIn(mode)
      const reply = scanner.page.waitForResponse(async (response) => response.url().endsWith('/api/pledge') &&
        JSON.parse(response.request().postData() ?? '{}').action === 'getEvent')
      await scanner.page.goto(`${server.url}?scene=${encodeURIComponent(event.scene)}`)
      await currentPage(scanner.page).locator('#pledge-event').getByText('质量月开放日').waitFor()
      const { data } = await (await reply).json()
      if (Number.isInteger(data.event.count)) {
        assert.equal(await text(scanner.page, '#pledge-event-count'), `本活动已有 ${data.event.count} 人承诺`)
      } else {
        assert.equal(await currentPage(scanner.page).locator('#pledge-event-count').count(), 0, 'no count when the function gives none')
      }
      await scanner.page.waitForTimeout(PAGE_TRANSITION_MS)
      await reveal(scanner.page, '#pledge-event')
      await check(scanner.page, mode, 'pledge-event', ['.pledge-event'])
      assert.deepEqual(scanner.errors, [])
      await scanner.context.close()

      const friend = await phoneIn(mode)
      await visit(friend.page, `/pages/pledge/index?scene=${encodeURIComponent(friendScene)}`, '#pledge-button')
      assert.equal(await text(friend.page, '#pledge-friend'), FRIEND)
      await check(friend.page, mode, 'pledge-friend', ['.pledge-card'])
      await currentPage(friend.page).locator('#pledge-button').click()
      await currentPage(friend.page).locator('#pledge-number').waitFor({ state: 'visible' })
      assert.equal(await currentPage(friend.page).getByText(FRIEND).count(), 0, 'gone once I have pledged')
      assert.deepEqual(friend.errors, [])
      await friend.context.close()
    })

    test('a burst of taps on 我承诺 opens no poster page; then one tap opens it once, however fast the taps', async () => {
      const phone = await phoneIn(mode)
      const { page } = phone
      await visit(page, '/pages/pledge/index', '#pledge-button')
      // WeChat's toast (承诺成功) lets touches through to the page when it has no mask (wx.showToast:
      // mask 防止触摸穿透); the browser's is an element that would take the burst itself.
      await page.addStyleTag({ content: '.taro__toast, .taro__toast * { pointer-events: none; }' })
      await reveal(page, '#pledge-button')
      const box = await currentPage(page).locator('#pledge-button').boundingBox()
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
      for (let i = 0; i < 10; i++) {
        await page.mouse.click(x, y)
        await page.waitForTimeout(60)
      }
      await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })
      await page.waitForTimeout(PAGE_TRANSITION_MS)
      const posterPages = () => page.locator('.taro_page[id^="/subpackages/poster/pages/personal"]').count()
      assert.equal(await posterPages(), 0, 'the burst did not open the poster page')
      assert.match(page.url(), /#\/pages\/pledge\/index/)
      // Where 我承诺 was, the result now is: the rest of the burst landed on it.
      assert.ok(await currentPage(page).locator('#pledge-result').evaluate((result, [px, py]) => result.contains(document.elementFromPoint(px, py)), [x, y]))

      const poster = await currentPage(page).locator('#pledge-poster').boundingBox()
      for (let i = 0; i < 3; i++) await page.mouse.click(poster.x + poster.width / 2, poster.y + poster.height / 2)
      await page.waitForURL(/subpackages\/poster\/pages\/personal/)
      await page.waitForTimeout(2 * PAGE_TRANSITION_MS)
      assert.equal(await posterPages(), 1, 'one poster page')
      assert.deepEqual(phone.errors, [])
      await phone.context.close()
    })

    test('offline: 活动海报 and a tab not opened yet say 网络不可用; a page opened before opens; the queued button reads plainly', async () => {
      const phone = await phoneIn(mode)
      const { page, context } = phone
      await visit(page, '/pages/index/index', '#home-pledge-call')
      await context.setOffline(true)
      await currentPage(page).locator('#entry-posters').click()
      await page.getByText('网络不可用').first().waitFor({ state: 'visible' })
      await screenshot(page, `journey-${mode}-offline`)
      assert.match(page.url(), /#\/pages\/index\/index/)
      await page.getByText('网络不可用').first().waitFor({ state: 'hidden' })
      await tapTab(page, '倡议书')
      await page.getByText('网络不可用').first().waitFor({ state: 'visible' })
      assert.match(page.url(), /#\/pages\/index\/index/)

      // Online the tab opens; offline again, the tabs opened so far still do.
      await context.setOffline(false)
      await page.getByText('网络不可用').first().waitFor({ state: 'hidden' })
      await tapTab(page, '倡议书')
      assert.match(page.url(), /#\/pages\/proposal\/index/)
      await tapTab(page, '承诺')
      await currentPage(page).locator('#pledge-button').waitFor({ state: 'visible' })
      await context.setOffline(true)
      await tapTab(page, '首页')
      assert.match(page.url(), /#\/pages\/index\/index/)
      await tapTab(page, '承诺')

      // 我承诺 offline is queued: the button says so, readable, with no second box behind its words.
      await currentPage(page).locator('#pledge-button').click()
      const queued = currentPage(page).locator('#pledge-button')
      await queued.getByText('已记录，联网后自动提交').waitFor()
      await reveal(page, '#pledge-button')
      const look = await queued.evaluate((button) => {
        const words = button.querySelector('.nut-button-children')
        const colour = (value) => value.match(/[\d.]+/g).slice(0, 3).map(Number)
        const luminance = ([r, g, b]) => {
          const [R, G, B] = [r, g, b].map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 })
          return 0.2126 * R + 0.7152 * G + 0.0722 * B
        }
        const [fg, bg] = [luminance(colour(getComputedStyle(words).color)), luminance(colour(getComputedStyle(button).backgroundColor))]
        return { behindWords: getComputedStyle(words).backgroundColor, contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) }
      })
      assert.equal(look.behindWords, 'rgba(0, 0, 0, 0)', 'nothing painted behind the words')
      assert.ok(look.contrast >= 4.5, `the words stand out from the button: ${look.contrast.toFixed(2)}:1`)
      await page.waitForTimeout(PAGE_TRANSITION_MS)
      await check(page, mode, 'queued', ['.pledge-form'])

      // Back online, it is sent by itself.
      await context.setOffline(false)
      await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })
      assert.deepEqual(phone.errors, [])
      await context.close()
    })
  })
}
