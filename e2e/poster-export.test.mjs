// Issue 16 in a real browser: a poster is downloaded at 1080 px wide by default and 2160 px (高清)
// on request, read from the PNG's own header; a device whose canvas cannot hold 高清 downloads the
// largest size it can, and the page says so in words.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, test } from 'node:test'
import { currentPage, launchBrowser, loadModule, openPhone, startAll, startServer } from './helpers.mjs'

let server
let browser
let poster

before(async () => {
  ;[server, browser, poster] = await startAll(startServer(), launchBrowser(), loadModule('src/poster/index.ts'))
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** A PNG's pixel size, from its IHDR chunk (bytes 16–23, after the signature and chunk header). */
function pngSize (bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file')
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Clicks `selector` and reads the file the browser downloads. */
async function download (page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()])
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) }
}

async function openFirstPoster (page) {
  await page.goto(`${server.url}#/subpackages/poster/pages/gallery/index`)
  const first = poster.posterTemplates[0]
  await currentPage(page).locator(`#poster-thumb-${first.id}`).waitFor({ state: 'attached' })
  await currentPage(page).locator(`#poster-item-${first.id}`).click()
  await page.locator('#poster-viewer').waitFor({ state: 'visible' })
  return first
}

test('a poster downloads at 1080 × 1921 by default and 2160 × 3842 as 高清', async () => {
  const { page, context, errors } = await openPhone(browser)
  const first = await openFirstPoster(page)

  const standard = await download(page, '#poster-save')
  assert.equal(standard.name, `${first.name}.png`)
  assert.deepEqual(pngSize(standard.bytes), { width: 1080, height: 1921 })
  await page.getByText('已下载', { exact: true }).waitFor()

  assert.match(await page.locator('#poster-save-hd').innerText(), /下载高清图\s*高清图宽 2160 像素，供印刷和媒体使用/)
  const hd = await download(page, '#poster-save-hd')
  assert.deepEqual(pngSize(hd.bytes), { width: 2160, height: 3842 })
  assert.deepEqual(errors, [])
  await context.close()
})

test('a browser whose canvas cannot export over 1800 px wide downloads 1728 × 3074 for 高清, and says so', async () => {
  const { page, context } = await openPhone(browser)
  // As on a device over its limit: the canvas refuses to export (toDataURL throws).
  await page.addInitScript(() => {
    const toDataURL = HTMLCanvasElement.prototype.toDataURL
    HTMLCanvasElement.prototype.toDataURL = function (...args) {
      if (this.width > 1800) throw new DOMException('canvas too large', 'SecurityError')
      return toDataURL.apply(this, args)
    }
  })
  await openFirstPoster(page)
  const hd = await download(page, '#poster-save-hd')
  assert.deepEqual(pngSize(hd.bytes), { width: 1728, height: 3074 })
  await page.getByText('已下载，但本机只能生成 1728×3074 像素的图片').waitFor()
  await context.close()
})
