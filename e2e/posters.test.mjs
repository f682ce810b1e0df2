// Issue 4 in a real browser: every poster template is drawn on a real canvas in the gallery,
// is not blank, keeps its text inside the poster, and is saved as a screenshot; a pledger's
// personal poster carries the server's N and a QR code that opens the pledge page.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { browserBundle, callPledge, currentPage, installImageTools, launchBrowser, loadModule, openPhone, screenshot, startAll, startServer, PAGE_TRANSITION_MS } from './helpers.mjs'

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

test('the gallery draws every template, none blank', async () => {
  const { page, errors, context } = await openPhone(browser)
  await page.goto(`${server.url}#/subpackages/poster/pages/gallery/index`)
  await installImageTools(page)
  const templates = poster.posterTemplates
  assert.ok(templates.length >= 6, `${templates.length} templates`)
  for (const template of templates) {
    const thumb = currentPage(page).locator(`#poster-thumb-${template.id} img, img#poster-thumb-${template.id}`).first()
    await thumb.waitFor({ state: 'attached' })
    // Sample a 20×20 grid of the drawn image: a blank poster is one colour.
    const sample = await thumb.evaluate(async (img) => {
      const { data, width, height } = await globalThis.imagePixels(img)
      const at = (x, y) => data.slice((y * width + x) * 4, (y * width + x) * 4 + 4).join()
      const colours = new Set()
      let differ = 0
      const corner = at(2, 2)
      for (let i = 1; i < 20; i++) {
        for (let j = 1; j < 20; j++) {
          const pixel = at(Math.floor((width * i) / 20), Math.floor((height * j) / 20))
          colours.add(pixel)
          if (pixel !== corner) differ++
        }
      }
      return { width, height, colours: colours.size, differ }
    })
    assert.ok(sample.width > 0 && Math.abs(sample.width / sample.height - template.width / template.height) < 0.01,
      `${template.id} keeps its aspect ratio`)
    assert.ok(sample.colours >= 3 && sample.differ >= 20, `${template.id} is drawn: ${JSON.stringify(sample)}`)
    await thumb.scrollIntoViewIfNeeded()
    await thumb.screenshot({ path: `test-results/screenshots/poster-${template.id}.png` })
  }
  await screenshot(page, 'poster-gallery')
  // Thumbnails are drawn for their cell (THUMB_CSS_WIDTH = 180 px × the phone's 2 device pixels).
  const pixelWidth = (image) => image.evaluate((img) => img.naturalWidth)
  assert.equal(await pixelWidth(currentPage(page).locator(`#poster-thumb-${templates[0].id} img`)), 360)

  // Opened, a poster is drawn at full size (375 × 2) in place of its thumbnail.
  await currentPage(page).locator(`#poster-item-${templates[0].id}`).click()
  await page.locator('#poster-viewer').waitFor({ state: 'visible' })
  const slide = page.locator(`#poster-slide-${templates[0].id} img`)
  await page.waitForFunction((id) => document.querySelector(`#poster-slide-${id} img`)?.naturalWidth === 750, templates[0].id)
  // The campaign posters carry the viewer's own share code too.
  const link = await decodeQr(slide)
  assert.match(link ?? '', /#\/pages\/pledge\/index\?scene=s%3A[\w-]{10}$/)
  await page.waitForTimeout(PAGE_TRANSITION_MS)
  await screenshot(page, 'poster-viewer')
  // A browser downloads the poster, and the words say so: no album, no WeChat.
  assert.equal((await page.locator('#poster-save').innerText()).trim(), '下载海报')
  assert.doesNotMatch(await currentPage(page).innerText(), /相册|微信/)
  await page.locator('#poster-close').click()

  // From the keyboard: Enter on a poster opens the viewer, a dialog with focus on 关闭; Escape
  // closes it and focus is back on that poster.
  const item = currentPage(page).getByRole('button', { name: `查看海报：${templates[1].name}` })
  await item.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('dialog', { name: '海报大图' }).waitFor()
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'poster-close')
  await page.keyboard.press('Escape')
  await page.locator('#poster-viewer').waitFor({ state: 'detached' })
  assert.equal(await page.evaluate(() => document.activeElement?.id), `poster-item-${templates[1].id}`)
  assert.deepEqual(errors, [])
  await context.close()
})

test('with the browser measuring the text, every line stays inside its poster', async () => {
  const { page, context } = await openPhone(browser)
  await page.goto(`${server.url}#/pages/index/index`)
  await page.addScriptTag({ content: await browserBundle('src/poster/index.ts', 'PosterEngine') })
  const outside = await page.evaluate(() => {
    const { posterTemplates, layoutPoster, textBounds, POSTER_FONT_FAMILY } = globalThis.PosterEngine
    const ctx = document.createElement('canvas').getContext('2d')
    const measure = (text, font) => {
      ctx.font = `${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${POSTER_FONT_FAMILY}`
      return ctx.measureText(text).width
    }
    const problems = []
    for (const template of posterTemplates) {
      for (const box of textBounds(layoutPoster(template, measure))) {
        const inside = box.left >= 0 && box.top >= 0 && box.right <= template.width && box.bottom <= template.height
        if (!inside) problems.push(`${template.id}: ${JSON.stringify(box)}`)
      }
    }
    return problems
  })
  assert.deepEqual(outside, [])
  await context.close()
})

/** Reads the QR code in an <img> (installImageTools first). */
async function decodeQr (image) {
  return image.evaluate(async (img) => {
    const { data, width, height } = await globalThis.imagePixels(img)
    return globalThis.jsQR(data, width, height)?.data ?? null
  })
}

test('a pledger draws a personal poster with the server\'s N, a nickname and a QR code back to the pledge page', async () => {
  const { page, context, errors } = await openPhone(browser)
  await page.goto(`${server.url}#/subpackages/poster/pages/personal/index`)
  // Before pledging there is nothing to draw: the page says so and leads to the pledge.
  await currentPage(page).getByText('承诺后即可生成海报').waitFor()

  await page.goto(`${server.url}#/pages/pledge/index`)
  await currentPage(page).locator('#pledge-button').click()
  await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })
  const status = await callPledge(page, server, { action: 'status' })
  const number = status.data.pledge.number
  assert.ok(Number.isInteger(number) && number >= 1)

  await currentPage(page).locator('#pledge-poster').click()
  const image = currentPage(page).locator('#my-poster-image img, img#my-poster-image').first()
  await image.waitFor({ state: 'attached' })
  const described = async () => (await image.getAttribute('alt') ?? '').replace(/\s+/g, '')
  assert.ok((await described()).includes(`承诺编号No.${number}`), `the drawn text holds the server's N: ${await described()}`)

  // The nickname is drawn after typing pauses, and kept for next time.
  await currentPage(page).locator('#my-poster-nickname input, input#my-poster-nickname').first().fill('质量先锋')
  await page.waitForFunction(() => document.querySelector('#my-poster-image img')?.getAttribute('alt')?.includes('质量先锋'))

  await installImageTools(page)
  const link = await decodeQr(currentPage(page).locator('#my-poster-image img, img#my-poster-image').first())
  const shareCode = await callPledge(page, server, { action: 'shareCode' })
  assert.equal(link, new URL(`/#/pages/pledge/index?scene=${encodeURIComponent(shareCode.data.scene)}`, server.url).href)
  await screenshot(page, 'poster-personal')
  assert.equal((await currentPage(page).locator('#my-poster-save').innerText()).trim(), '下载海报')
  assert.doesNotMatch(await currentPage(page).innerText(), /相册|微信/)

  // Scanning it in another browser opens the pledge page.
  const friend = await openPhone(browser)
  await friend.page.goto(link)
  await currentPage(friend.page).locator('#pledge-button').waitFor({ state: 'visible' })
  await friend.context.close()

  assert.deepEqual(errors, [])
  await context.close()
})
