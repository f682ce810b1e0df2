// Issue 6 in a real browser: every page in light and dark passes axe-core with no serious or
// critical violation, no text covered, no box out of its container, every field named; at 特大
// body text is ≥ 18 px, tap targets ≥ 44 px, nothing clipped, covered or wider than the screen; a
// screenshot of each page in dark mode and at 特大.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { axeViolations, callPledge, currentPage, launchBrowser, openPhone, PAGE_TRANSITION_MS, screenshot, startAll, startServer } from './helpers.mjs'

const ORGANISER_KEY = 'e2e-organiser-key-0123456789'
const PAGES = [
  ['home', '/pages/index/index', '#home-about'],
  ['proposal', '/pages/proposal/index', '#proposal-title'],
  ['pledge', '/pages/pledge/index', '#pledge-button'],
  ['not-found', '/pages/not-found/index', '.state-view'],
  // The last poster drawn: all thumbnails are in place.
  ['gallery', '/subpackages/poster/pages/gallery/index', '#poster-thumb-strong-nation'],
  // Pages with more than an empty state once their reader qualifies: checked in that state.
  ['my-poster', '/subpackages/poster/pages/personal/index', '#my-poster-image', (page) => callPledge(page, server, { action: 'sign' })],
  ['organiser', '/subpackages/poster/pages/organiser/index', '#organiser-total', (page) => page.request.get(`${server.url}organiser?key=${ORGANISER_KEY}`)],
]
/** What 特大 promises on a 375 px screen. */
const MIN_BODY_PX = 18
const MIN_TARGET_PX = 44

let server
let browser

before(async () => {
  ;[server, browser] = await startAll(startServer({ ORGANISER_KEY }), launchBrowser())
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

async function visit (page, route, probe, prepare) {
  await prepare?.(page)
  await page.goto(`${server.url}#${route}`)
  await page.reload()
  await currentPage(page).locator(probe).first().waitFor({ state: 'attached' })
  await page.waitForTimeout(PAGE_TRANSITION_MS)
}

/** Picks 特大 on the proposal page: saved, every page opened after it is at that size. */
async function chooseXlarge (page) {
  await visit(page, '/pages/proposal/index', '#proposal-title')
  await currentPage(page).locator('#font-size-xlarge').click()
}


/**
 * What axe does not see. Text another element paints over (a caption pushed under the next row):
 * each visible text's first line is scrolled into view and must be what the reader hits there.
 * A box wider than the one it sits in (a field with its padding added to 100%). A text field
 * named only by its placeholder.
 */
async function layoutFaults (page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => p.checkVisibility()).at(-1)
    const problems = []
    const describe = (element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`
    const elements = [...shown.querySelectorAll('*')]
    for (const element of elements) {
      if (!element.checkVisibility() || ['fixed', 'absolute'].includes(getComputedStyle(element).position)) continue
      const box = element.getBoundingClientRect()
      const outer = element.parentElement.getBoundingClientRect()
      const out = Math.max(box.right - outer.right, outer.left - box.left)
      if (box.width > 0 && box.height > 0 && out > 1) problems.push(`${Math.round(out)}px out of its box: ${describe(element)}`)
      if (element.matches('input:not([type=hidden]), textarea') && !element.labels?.length && !element.getAttribute('aria-label')?.trim() && !element.hasAttribute('aria-labelledby')) {
        problems.push(`no name but its placeholder: ${describe(element)}`)
      }
    }
    // Put every scroller back afterwards: screenshots follow.
    const scrolled = [document.scrollingElement, shown, ...elements]
      .filter((element) => element.scrollHeight > element.clientHeight).map((element) => [element, element.scrollTop])
    const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const text = walker.currentNode
      const element = text.parentElement
      if (!text.data.trim() || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      element.scrollIntoView({ block: element.getBoundingClientRect().height < innerHeight / 2 ? 'center' : 'start' })
      const range = document.createRange()
      range.selectNodeContents(text)
      const line = range.getClientRects()[0]
      if (!line) continue
      const hit = document.elementFromPoint(line.x + line.width / 2, line.y + line.height / 2)
      if (!hit || !(hit === element || element.contains(hit) || hit.contains(element))) {
        problems.push(`covered: ${text.data.trim().slice(0, 20)} (by ${hit ? describe(hit) : 'nothing'})`)
      }
    }
    for (const [element, top] of scrolled) element.scrollTop = top
    return problems
  })
}

describe('axe-core, light and dark', () => {
  for (const [name, route, probe, prepare] of PAGES) {
    test(`${name} has no serious or critical violation in either theme`, async () => {
      const { page, context, errors } = await openPhone(browser)
      await visit(page, route, probe, prepare)
      assert.deepEqual(await axeViolations(page), [], `${name}, light`)
      assert.deepEqual(await layoutFaults(page), [], name)
      // Same page, dark: prefers-color-scheme switches the tokens without a reload.
      await page.emulateMedia({ colorScheme: 'dark' })
      await screenshot(page, `dark-${name}`)
      assert.deepEqual(await axeViolations(page), [], `${name}, dark`)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})

test('the reading controls are named for screen readers (字号 and 简繁 groups, each option) and work from a keyboard', async () => {
  const { page, context, errors } = await openPhone(browser)
  await visit(page, '/pages/proposal/index', '#proposal-title')
  const shown = currentPage(page)
  for (const [group, options] of [['字号', ['标准字号', '大字号', '特大字号']], ['简繁', ['简体中文', '繁體中文']]]) {
    const radios = shown.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio')
    assert.deepEqual(await radios.evaluateAll((list) => list.map((radio) => radio.getAttribute('aria-label'))), options, group)
  }
  // And usable from a keyboard: Tab reaches an option, Enter chooses it.
  const xlarge = shown.getByRole('radio', { name: '特大字号', exact: true })
  await xlarge.focus()
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => document.querySelector('[aria-label="特大字号"][aria-checked="true"]'))
  assert.deepEqual(errors, [])
  await context.close()
})

test('at 特大 every page keeps text ≥ 18 px, targets ≥ 44 px, and nothing clipped, covered or too wide', async () => {
  const { page, context, errors } = await openPhone(browser)
  await chooseXlarge(page)
  for (const [name, route, probe, prepare] of PAGES) {
    await visit(page, route, probe, prepare)
    const report = await page.evaluate(({ minText, minTarget }) => {
      const shown = [...document.querySelectorAll('.taro_page')].filter((p) => p.checkVisibility()).at(-1)?.querySelector('.qm-page')
      const problems = []
      if (!shown?.className.includes('qm-page--xlarge')) problems.push(`page root is not at 特大: ${shown?.className}`)
      const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const element = walker.currentNode.parentElement
        if (!walker.currentNode.data.trim() || !element.checkVisibility()) continue
        const size = Number.parseFloat(getComputedStyle(element).fontSize)
        if (size < minText) problems.push(`${size}px text: ${walker.currentNode.data.trim().slice(0, 20)}`)
        const style = getComputedStyle(element)
        if (['hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1) {
          problems.push(`clipped: ${walker.currentNode.data.trim().slice(0, 20)}`)
        }
      }
      for (const target of shown.querySelectorAll('[role=button], button, taro-button-core, input, a[href]')) {
        if (!target.checkVisibility()) continue
        const box = target.getBoundingClientRect()
        if (box.height < minTarget || box.width < minTarget) problems.push(`small target ${Math.round(box.width)}×${Math.round(box.height)}: ${(target.getAttribute('aria-label') ?? target.textContent).trim().slice(0, 20)}`)
      }
      const overflow = document.scrollingElement.scrollWidth - window.innerWidth
      if (overflow > 0) problems.push(`page ${overflow}px wider than the screen`)
      return problems
    }, { minText: MIN_BODY_PX, minTarget: MIN_TARGET_PX })
    assert.deepEqual([...report, ...await layoutFaults(page)], [], `${name} at 特大`)
    await screenshot(page, `xlarge-${name}`)
  }
  assert.deepEqual(errors, [])
  await context.close()
})

test('at 特大 the campaign theme breaks between its two phrases, not inside one', async () => {
  const { page, context, errors } = await openPhone(browser)
  await chooseXlarge(page)
  await visit(page, '/pages/index/index', '#home-theme')
  const lines = await currentPage(page).locator('#home-theme').evaluate((element) => {
    // The text as laid out: characters grouped by the line box they landed on.
    const text = element.firstChild
    const byTop = new Map()
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange()
      range.setStart(text, i)
      range.setEnd(text, i + 1)
      const top = Math.round(range.getBoundingClientRect().top)
      byTop.set(top, (byTop.get(top) ?? '') + text.data[i])
    }
    return [...byTop.values()].map((line) => line.trim())
  })
  assert.deepEqual(lines, ['加强质量支撑', '共建质量强国'])
  assert.deepEqual(errors, [])
  await context.close()
})
