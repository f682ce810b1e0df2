// Issue 16 in a real browser: a poster is downloaded at 1080 px wide by default and 2160 px (高清)
// on request, read from the PNG's own header; a device whose canvas cannot hold 高清 downloads the
// largest size it can, and the page says so in words.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, test } from 'node:test'
import { currentPage, launchBrowser, loadModule, openPhone, screenshot, startAll, startServer } from './helpers.mjs'

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

test('my poster: a layout picked, a signature written with the mouse (never uploaded), saved as 高清 2160 × 3842', async () => {
  const { page, context, errors } = await openPhone(browser, { isMobile: false, hasTouch: false })
  const calls = []
  page.on('request', (request) => { if (request.method() === 'POST') calls.push(request.postData() ?? '') })
  await page.goto(`${server.url}#/pages/pledge/index`)
  await currentPage(page).locator('#pledge-button').click()
  await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })
  await page.goto(`${server.url}#/subpackages/poster/pages/personal/index`)
  const image = currentPage(page).locator('#my-poster-image img, img#my-poster-image').first()
  await image.waitFor({ state: 'attached' })
  assert.match((await image.getAttribute('alt')) ?? '', /承诺日期/)

  const first = await image.getAttribute('src')
  await currentPage(page).locator('#my-poster-layout-seal').click()
  assert.equal(await currentPage(page).locator('#my-poster-layout-seal').getAttribute('aria-checked'), 'true')
  await page.waitForFunction((before) => document.querySelector('#my-poster-image img')?.getAttribute('src') !== before, first)

  const unsigned = await image.getAttribute('src')
  const before = calls.length
  await currentPage(page).locator('#my-poster-sign').click()
  const pad = page.locator('#signature-pad-canvas canvas, canvas#signature-pad-canvas').first()
  await pad.waitFor({ state: 'visible' })
  const box = await pad.boundingBox()
  assert.deepEqual([Math.round(box.width), Math.round(box.height)], [300, 120], 'the pad is 300 × 120 CSS px')
  await page.mouse.move(box.x + 30, box.y + 80)
  await page.mouse.down()
  for (const [x, y] of [[80, 30], [130, 90], [180, 30], [230, 90], [270, 40]]) await page.mouse.move(box.x + x, box.y + y, { steps: 4 })
  await page.mouse.up()
  // The pad shows the ink as it is written.
  const inked = await pad.evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) dark++
    return dark
  })
  assert.ok(inked > 200, `ink on the pad: ${inked} px`)
  await screenshot(page, 'signature-pad')
  await page.locator('#signature-done').click()
  await page.locator('#signature-pad').waitFor({ state: 'detached' })
  await page.waitForFunction((before) => document.querySelector('#my-poster-image img')?.getAttribute('src') !== before, unsigned)
  // Kept on this device only: nothing was sent while signing and drawing.
  assert.equal(calls.length, before, `requests while signing: ${calls.slice(before).join(' | ')}`)
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((key) => key.includes('poster:signature'))))
  await screenshot(page, 'poster-personal-signed')

  const hd = await download(page, '#my-poster-save-hd')
  assert.equal(hd.name, '我的质量诚信承诺.png')
  assert.deepEqual(pngSize(hd.bytes), { width: 2160, height: 3842 })
  assert.deepEqual(errors, [])
  await context.close()
})
