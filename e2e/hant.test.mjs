// 繁體 is the whole interface, in a real browser, in light, dark and at 特大: chosen on 首页, every
// text a reader sees on the three tabs, the tab bar and the browser tab's title is in traditional
// characters (OpenCC, simplified → Hong Kong, with the reviewed fixes), except the name of 简体
// itself. Each tab is checked with axe-core and saved as a screenshot.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { referenceHant } from '../scripts/hant.mjs'
import { assertAccessible, currentPage, launchBrowser, openPhone, PAGE_TRANSITION_MS, screenshot, startAll, startServer } from './helpers.mjs'

const MODES = ['light', 'dark', 'xlarge']
/** Texts that stay as they are in 繁體: the option that leads back to 简体 names it in its own script. */
const KEPT = new Set(['简体', '简体中文'])
const TABS = [
  ['home', '首頁', '#home-theme', '全國質量月', ['.home-hero', '.home-entries', '#home-reading']],
  ['proposal', '倡議書', '#proposal-title', '倡議書', ['.proposal__header', '.proposal-toc']],
  ['pledge', '承諾', '#pledge-button', '承諾', ['.pledge-card', '.pledge-form', '.pledge-board']],
]

let server
let browser

before(async () => {
  // No pledges: the board is empty, so no name someone typed (which stays as typed) is on screen.
  ;[server, browser] = await startAll(startServer({ RATE_LIMIT: 'off' }), launchBrowser())
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Every text on the shown page and its tab bar that is not already 繁體, with the 繁體 it should be. */
function notHant (page) {
  return currentPage(page).evaluate((scope) => {
    const texts = []
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const text = walker.currentNode.data.trim()
      if (text && walker.currentNode.parentElement.checkVisibility()) texts.push(text)
    }
    for (const element of scope.querySelectorAll('[aria-label], [placeholder]')) {
      texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('placeholder') ?? '')
    }
    return texts.filter(Boolean)
  }).then((texts) => texts.filter((text) => !KEPT.has(text) && referenceHant(text) !== text).map((text) => `${text} → ${referenceHant(text)}`))
}

for (const mode of MODES) {
  describe(mode, () => {
    test('繁體 chosen on 首页: the three tabs, their tab bar and titles are all 繁體; 简体 brings 简体 back', async () => {
      const { page, context, errors } = await openPhone(browser, mode === 'dark' ? { colorScheme: 'dark' } : {})
      await page.goto(`${server.url}#/pages/index/index`)
      await currentPage(page).locator('#script-hant').waitFor({ state: 'visible' })
      if (mode === 'xlarge') await currentPage(page).locator('#font-size-xlarge').click()
      await currentPage(page).locator('#script-hant').click()
      await currentPage(page).getByText('倡議書全文').waitFor()

      for (const [name, label, probe, title, selectors] of TABS) {
        if (name !== 'home') {
          await currentPage(page).getByRole('navigation', { name: '主導航' }).getByRole('link', { name: label, exact: true }).click()
          await currentPage(page).locator(probe).waitFor({ state: 'visible' })
        }
        await page.waitForTimeout(PAGE_TRANSITION_MS)
        if (name === 'pledge') await currentPage(page).locator('#pledge-board-empty').waitFor()
        assert.deepEqual(await currentPage(page).getByRole('navigation', { name: '主導航' }).getByRole('link').allTextContents(), ['首頁', '倡議書', '承諾'])
        assert.deepEqual(await notHant(page), [], `${name}: every text in 繁體`)
        assert.equal(await page.title(), title)
        await assertAccessible(page, mode, `hant-${name}`, selectors)
        await screenshot(page, `hant-${mode}-${name}`)
      }

      // Back on 首页, 简体 again: the words and the title follow.
      await currentPage(page).getByRole('navigation', { name: '主導航' }).getByRole('link', { name: '首頁', exact: true }).click()
      await currentPage(page).locator('#script-hans').click()
      await currentPage(page).getByText('倡议书全文').waitFor()
      assert.deepEqual(await currentPage(page).getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents(), ['首页', '倡议书', '承诺'])
      assert.equal(await page.title(), '全国质量月')
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
