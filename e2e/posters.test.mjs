// Issue 4 in a real browser: every poster template is drawn on a real canvas in the gallery,
// is not blank, keeps its text inside the poster, and is saved as a screenshot; a pledger's
// personal poster carries the server's N and a QR code that opens the pledge page.
// Issue 16: every text on every poster (gallery, each personal layout, share covers, event code
// card) reads against the pixels drawn under it (WCAG contrast), and each is saved as a PNG.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { browserBundle, callPledge, currentPage, installImageTools, launchBrowser, loadModule, openPhone, screenshot, startAll, startServer, PAGE_TRANSITION_MS, SCREENSHOTS } from './helpers.mjs'

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

test('with the browser measuring the text, every line stays inside its poster and clear of other text, the code and seals', async () => {
  const { page, context } = await openPhone(browser)
  await page.goto(`${server.url}#/pages/index/index`)
  await page.addScriptTag({ content: await browserBundle('src/poster/index.ts', 'PosterEngine') })
  const problems = await page.evaluate((allPostersSource) => {
    const engine = globalThis.PosterEngine
    const { layoutPoster, opBox, textBounds, POSTER_FONT_FAMILY } = engine
    const ctx = document.createElement('canvas').getContext('2d')
    const measure = (text, font) => {
      ctx.font = `${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${POSTER_FONT_FAMILY}`
      return ctx.measureText(text).width
    }
    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    const found = []
    for (const { name, template } of new Function(`return (${allPostersSource})`)()(engine)) {
      const ops = layoutPoster(template, measure)
      const texts = textBounds(ops)
      const solid = ops.filter((op) => op.op === 'code' || op.op === 'seal' || op.op === 'image').map((op) => ({ op: op.op, ...opBox(op, measure) }))
      texts.forEach((box, index) => {
        const inside = box.left >= 0 && box.top >= 0 && box.right <= template.width && box.bottom <= template.height
        if (!inside) found.push(`${name}: outside ${JSON.stringify(box)}`)
        for (const other of texts.slice(index + 1)) if (overlap(box, other)) found.push(`${name}: "${box.text}" overlaps "${other.text}"`)
        for (const other of solid) if (overlap(box, other)) found.push(`${name}: "${box.text}" overlaps the ${other.op}`)
      })
    }
    return found
  }, allPosters.toString())
  assert.deepEqual(problems, [])
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

/**
 * Every poster the app draws, with content at its extremes where the text varies: the gallery,
 * each personal layout with and without nickname and company (short and longest), the share
 * covers and the event code card (short and longest name and place).
 */
function allPosters (engine) {
  const { posterTemplates, personalPoster, PERSONAL_LAYOUTS, shareCovers, eventCodeCard, NICKNAME_MAX } = engine
  const people = {
    full: { number: 1234567, nickname: '质'.repeat(NICKNAME_MAX), company: '企'.repeat(40), pledgedOn: '2024-09-23' },
    short: { number: 8, nickname: '王', company: '示范', pledgedOn: '2024-09-01' },
    bare: { number: 1, pledgedOn: '2024-09-01' },
  }
  return [
    ...posterTemplates.map((template) => ({ name: template.id, template })),
    // The full one signed: its signature area is drawn.
    ...PERSONAL_LAYOUTS.flatMap((layout) => Object.entries(people).map(([who, data]) => ({ name: `personal-${layout}-${who}`, template: personalPoster(data, layout), signed: who === 'full' }))),
    ...Object.values(shareCovers).map((template) => ({ name: template.id, template })),
    { name: 'event-code-short', template: eventCodeCard({ name: '质量开放日', date: '2024-09-23', place: '北京' }) },
    { name: 'event-code-long', template: eventCodeCard({ name: '质'.repeat(40), date: '2024-09-23', place: '地'.repeat(60) }) },
  ]
}

test('every text on every poster has WCAG contrast against the pixels under it; each poster saved as a PNG', async () => {
  const { page, context } = await openPhone(browser)
  await page.goto(`${server.url}#/pages/index/index`)
  await page.addScriptTag({ content: await browserBundle('src/poster/index.ts', 'PosterEngine') })
  await page.addScriptTag({ content: await browserBundle('src/poster/render.ts', 'PosterRender') })
  const result = await page.evaluate(async (allPostersSource) => {
    await document.fonts.ready
    const engine = globalThis.PosterEngine
    const { layoutPoster, textBounds, POSTER_FONT_FAMILY } = engine
    const { renderPoster } = globalThis.PosterRender
    const posters = new Function(`return (${allPostersSource})`)()(engine)
    const channel = (v) => {
      const c = v / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    const luminance = (r, g, b) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    const hex = (colour) => {
      const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour)
      if (!m) throw new Error(`text colours are opaque #rrggbb: ${colour}`)
      return luminance(...m.slice(1).map((h) => Number.parseInt(h, 16)))
    }
    const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
    // A two-module "code": the slot draws its white card and label as it would with a real code.
    const code = { kind: 'modules', modules: [[true, false], [false, true]] }
    // A handwritten signature as the page passes it: dark strokes on a transparent canvas.
    const signature = document.createElement('canvas')
    signature.width = 360
    signature.height = 140
    const pen = signature.getContext('2d')
    pen.lineWidth = 6
    pen.strokeStyle = '#111111'
    pen.beginPath()
    pen.moveTo(20, 100)
    pen.bezierCurveTo(80, 10, 120, 130, 180, 60)
    pen.bezierCurveTo(220, 20, 260, 120, 340, 40)
    pen.stroke()
    const measureCtx = document.createElement('canvas').getContext('2d')
    const measure = (text, font) => {
      measureCtx.font = `${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${POSTER_FONT_FAMILY}`
      return measureCtx.measureText(text).width
    }
    const offenders = []
    const worst = {}
    const images = {}
    for (const { name, template, signed } of posters) {
      const assets = { code, signature: signed ? signature : null }
      // As it is shown and saved (375 CSS px × 2) and as a gallery thumbnail (180 × 2).
      for (const scale of [750 / template.width, 360 / template.width]) {
        const background = document.createElement('canvas')
        renderPoster(background, { ...template, elements: template.elements.filter((e) => e.type !== 'text') }, scale, assets)
        const pixels = background.getContext('2d').getImageData(0, 0, background.width, background.height).data
        const ops = layoutPoster(template, measure)
        const boxes = textBounds(ops)
        ops.filter((op) => op.op === 'text').forEach((op, index) => {
          const box = boxes[index]
          const text = hex(op.color)
          let min = Infinity
          const x0 = Math.max(0, Math.floor(box.left * scale))
          const x1 = Math.min(background.width, Math.ceil(box.right * scale))
          const y0 = Math.max(0, Math.floor(box.top * scale))
          const y1 = Math.min(background.height, Math.ceil(box.bottom * scale))
          for (let y = y0; y < y1; y++) {
            for (let x = x0; x < x1; x++) {
              const i = (y * background.width + x) * 4
              min = Math.min(min, ratio(text, luminance(pixels[i], pixels[i + 1], pixels[i + 2])))
            }
          }
          // Large text (WCAG): bold at 24 CSS px or more as shown, 375 CSS px wide.
          const large = op.font.weight === 'bold' && (op.font.size * 375) / template.width >= 24
          const needed = large ? 3 : 4.5
          if (!(min >= needed)) offenders.push(`${name} @${scale.toFixed(2)}: "${op.text}" ${op.font.size}${op.font.weight === 'bold' ? ' bold' : ''} ${op.color} ${min.toFixed(2)} < ${needed}`)
          worst[name] = Math.min(worst[name] ?? Infinity, Number(min.toFixed(2)))
        })
        // Seal characters: the seal's ink on its colour, read as large bold text.
        for (const op of ops.filter((o) => o.op === 'seal')) {
          const seal = ratio(hex(op.ink), hex(op.color))
          if (seal < 3) offenders.push(`${name}: seal ${op.glyphs.map((g) => g.char).join('')} ${op.ink} on ${op.color} ${seal.toFixed(2)} < 3`)
        }
      }
      const full = document.createElement('canvas')
      renderPoster(full, template, 750 / template.width, assets)
      images[name] = full.toDataURL('image/png')
    }
    return { offenders, worst, images, count: posters.length }
  }, allPosters.toString())
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  for (const [name, dataUrl] of Object.entries(result.images)) {
    fs.writeFileSync(path.join(SCREENSHOTS, `poster-drawn-${name}.png`), Buffer.from(dataUrl.split(',')[1], 'base64'))
  }
  fs.writeFileSync(path.join(SCREENSHOTS, 'poster-contrast.json'), `${JSON.stringify(result.worst, null, 2)}\n`)
  assert.ok(result.count >= poster.posterTemplates.length + 9 + 2 + 2)
  assert.deepEqual(result.offenders, [])
  await context.close()
})
