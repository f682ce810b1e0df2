// Shared by the browser tests: the real local runner (scripts/start.mjs) on a free port with a
// throw-away database, Debian Chromium through playwright-core, phone-sized pages that fail
// the test on any console error, and screenshots in test-results/screenshots/.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { chromium } from 'playwright-core'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SCREENSHOTS = path.join(root, 'test-results/screenshots')
/** Taro's H5 pages slide in; screenshots and geometry wait for the transition to end. */
export const PAGE_TRANSITION_MS = 600

/** Starts `npm start` without the build step; resolves once it prints its URL. */
export async function startServer (env = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-e2e-'))
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DB_PATH: path.join(work, 'pledge.db'), SESSION_SECRET: 'e2e-session-secret-0123456789', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 15_000)
    const onData = (chunk) => {
      log += chunk
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)))
  })
  return {
    url,
    log: () => log,
    async stop () {
      if (child.exitCode !== null) return child.exitCode
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      return exited
    },
  }
}

/**
 * Calls the pledge function with this page's browser cookies (its identity), from outside the
 * page: it can run before the app starts, whose own first call cannot then race it for the
 * session cookie. Returns the reply's JSON, whatever its status.
 */
export async function callPledge (page, server, data) {
  const response = await page.request.post(new URL('api/pledge', server.url).href, { data })
  return response.json()
}

/** Runs `act` as a new person (a browser context of its own: a new identity) and returns what it returns. */
export async function asSomeone (browser, act) {
  const context = await browser.newContext()
  try {
    return await act(await context.newPage())
  } finally {
    await context.close()
  }
}

/**
 * Promise.all for a test file's set-up. If one part fails, the parts that did start (a browser,
 * a server) are closed: left running, they keep the file alive and it hangs instead of failing.
 */
export async function startAll (...starting) {
  const results = await Promise.allSettled(starting)
  const failed = results.find((result) => result.status === 'rejected')
  if (!failed) return results.map((result) => result.value)
  await Promise.allSettled(results.map(({ value }) => value?.close?.() ?? value?.stop?.()))
  throw failed.reason
}

export async function launchBrowser () {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  })
}

/**
 * A 375×667 phone context (options: e.g. `{ colorScheme: 'dark' }`); every console error or page
 * error is collected for the test to assert.
 */
export async function openPhone (browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', ...options,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const errors = []
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page, errors }
}

export async function screenshot (page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.waitForTimeout(PAGE_TRANSITION_MS)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

/** The visible Taro page (tab pages stay in the DOM, hidden). */
export function currentPage (page) {
  return page.locator('.taro_page:visible').last()
}

/** Font families that carry Chinese glyphs (Noto/Source Han, WenQuanYi, Droid fallback, Apple/Windows ones). */
const CJK_FAMILY = /CJK|Source Han|WenQuanYi|Droid Sans Fallback|PingFang|Hiragino|YaHei|SimSun|SimHei|Heiti|Songti/i

/**
 * The platform fonts Chromium really drew each visible element's Chinese text with (CDP
 * CSS.getPlatformFontsForNode). `document.fonts.check()` cannot tell: it answers true even
 * for a family that is not installed, while a missing CJK font shows up here as DejaVu.
 */
export async function fontsOfChineseText (page, limit = 40) {
  const probed = await page.evaluate((max) => {
    const elements = new Set()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode() && elements.size < max) {
      const parent = walker.currentNode.parentElement
      if (/[\u3400-\u9fff]/.test(walker.currentNode.data) && parent?.checkVisibility()) elements.add(parent)
    }
    document.querySelectorAll('[data-cjk-probe]').forEach((el) => el.removeAttribute('data-cjk-probe'))
    for (const el of elements) el.setAttribute('data-cjk-probe', '')
    return elements.size
  }, limit)
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 })
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-cjk-probe]' })
    const found = []
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId })
      found.push({ html: outerHTML.slice(0, 80), families: fonts.map((font) => font.familyName) })
    }
    if (found.length !== probed) throw new Error(`probed ${probed} elements, CDP found ${found.length}`)
    return found
  } finally {
    await cdp.detach()
  }
}

/** Every visible piece of Chinese text on the page is drawn with a CJK font (not tofu boxes). */
export async function assertChineseFonts (page) {
  const found = await fontsOfChineseText(page)
  if (found.length === 0) throw new Error('no visible Chinese text to check')
  const bad = found.filter((item) => !item.families.some((family) => CJK_FAMILY.test(family)))
  if (bad.length > 0) {
    throw new Error(`Chinese text drawn without a CJK font:\n${bad.map((item) => `${item.families.join(', ')} ← ${item.html}`).join('\n')}`)
  }
  return found
}

/** A module of the app (e.g. src/content/index.ts), compiled so tests compare against the real data. */
export async function loadModule (entry) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'error',
    alias: { '@': path.join(root, 'src'), '@shared': path.join(root, 'cloud/core') },
  })
  const module = { exports: {} }
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports)
  return module.exports
}

/** The same module as a browser script defining `globalThis[name]`, to run it inside the page. */
export async function browserBundle (entry, name) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true, platform: 'browser', format: 'iife', globalName: name, write: false, logLevel: 'error',
    alias: { '@': path.join(root, 'src'), '@shared': path.join(root, 'cloud/core') },
  })
  return result.outputFiles[0].text
}

/**
 * Gives the page `imagePixels(img)` (a decoded <img> as ImageData, to sample or read a code from)
 * and jsQR from node_modules.
 */
export async function installImageTools (page) {
  await page.addScriptTag({ path: path.join(root, 'node_modules/jsqr/dist/jsQR.js') })
  await page.addScriptTag({
    content: `globalThis.imagePixels = async (img) => {
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.naturalWidth
      canvas.height = img.naturalHeight
      const ctx = canvas.getContext('2d')
      ctx.drawImage(img, 0, 0)
      return ctx.getImageData(0, 0, canvas.width, canvas.height)
    }`,
  })
}

export const loadContent = () => loadModule('src/content/index.ts')

/** axe-core's serious and critical violations on the document, one readable line each (hidden tab pages included, as the DOM has them). */
export async function axeViolations (page) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') })
  }
  return page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary.split('\n')[1] ?? ''}`))
  })
}

/** On the shown page, text inside `selectors` below `minText` px and controls there below `minTarget` px (what 特大 promises), one line each. */
export async function smallAtXlarge (page, selectors, { minText, minTarget }) {
  return page.evaluate(({ selectors, minText, minTarget }) => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => p.checkVisibility()).at(-1)
    const found = []
    for (const scope of shown.querySelectorAll(selectors.join(','))) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const element = walker.currentNode.parentElement
        if (!walker.currentNode.data.trim() || !element.checkVisibility()) continue
        const size = Number.parseFloat(getComputedStyle(element).fontSize)
        if (size < minText) found.push(`${size}px text: ${walker.currentNode.data.trim().slice(0, 20)}`)
      }
      for (const target of [scope, ...scope.querySelectorAll('*')].filter((el) => el.matches('[role=button], button, taro-button-core, input, a[href]'))) {
        const box = target.getBoundingClientRect()
        if (target.checkVisibility() && (box.height < minTarget || box.width < minTarget)) found.push(`small target ${Math.round(box.width)}×${Math.round(box.height)}: ${target.textContent.trim().slice(0, 20)}`)
      }
    }
    return found
  }, { selectors, minText, minTarget })
}

/** What 特大 promises on a 375 px screen: body text and controls at least this large. */
export const XLARGE_MIN_TEXT_PX = 18
export const MIN_TARGET_PX = 44

/** A state of a page: axe finds nothing serious; in `mode` xlarge, every text and control inside `selectors` keeps 特大's promise. */
export async function assertAccessible (page, mode, name, selectors) {
  assert.deepEqual(await axeViolations(page), [], `${name} (${mode})`)
  if (mode !== 'xlarge') return
  assert.deepEqual(await smallAtXlarge(page, selectors, { minText: XLARGE_MIN_TEXT_PX, minTarget: MIN_TARGET_PX }), [], `${name} at 特大`)
  assert.ok(await currentPage(page).locator('.qm-page--xlarge').count(), `${name} is at 特大`)
}
