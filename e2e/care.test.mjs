// Issue 6 in a real browser: every page in light and dark passes axe-core with no serious or
// critical violation; at 特大 body text is ≥ 18 px, tap targets ≥ 44 px, nothing clipped or
// wider than the screen; a screenshot of each page in dark mode and at 特大.
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { currentPage, launchBrowser, openPhone, root, screenshot, startServer, PAGE_TRANSITION_MS } from './helpers.mjs'

const PAGES = [
  ['home', '/pages/index/index', '#home-about'],
  ['proposal', '/pages/proposal/index', '#proposal-title'],
  ['pledge', '/pages/pledge/index', '#pledge-button'],
  ['news', '/pages/news/index?id=n1', '#news-title'],
  ['not-found', '/pages/not-found/index', '.state-view'],
  ['gallery', '/subpackages/poster/pages/gallery/index', '#poster-thumb-theme'],
  ['my-poster', '/subpackages/poster/pages/personal/index', '.state-view'],
  ['organiser', '/subpackages/poster/pages/organiser/index', '.state-view'],
]
/** What 特大 promises on a 375 px screen. */
const MIN_BODY_PX = 18
const MIN_TARGET_PX = 44

let server
let browser

before(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

async function visit (page, route, probe) {
  await page.goto(`${server.url}#${route}`)
  await page.reload()
  await currentPage(page).locator(probe).first().waitFor({ state: 'attached' })
  await page.waitForTimeout(PAGE_TRANSITION_MS)
}

/** axe-core's serious and critical violations on the visible page, as readable lines. */
async function axeViolations (page) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') })
  }
  return page.evaluate(async () => {
    // Tab pages stay in the DOM, hidden: check what is shown.
    const { violations } = await globalThis.axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary.split('\n')[1] ?? ''}`))
  })
}

describe('axe-core, light and dark', () => {
  for (const [name, route, probe] of PAGES) {
    test(`${name} has no serious or critical violation in either theme`, async () => {
      const { page, context, errors } = await openPhone(browser)
      await visit(page, route, probe)
      assert.deepEqual(await axeViolations(page), [], `${name}, light`)
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

test('at 特大 every page keeps text ≥ 18 px, targets ≥ 44 px, and nothing clipped or too wide', async () => {
  const { page, context, errors } = await openPhone(browser)
  await visit(page, '/pages/proposal/index', '#proposal-title')
  await currentPage(page).locator('#font-size-xlarge').click()
  for (const [name, route, probe] of PAGES) {
    await visit(page, route, probe)
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
    assert.deepEqual(report, [], `${name} at 特大`)
    await screenshot(page, `xlarge-${name}`)
  }
  assert.deepEqual(errors, [])
  await context.close()
})
