#!/usr/bin/env node
// `npm run share-covers`: draws the share card covers (src/poster/templates.ts, shareCovers)
// with the poster engine in headless Chromium and writes them as JPEGs to src/assets/share/,
// which the weapp build copies to /assets/share/. Run after changing the covers; the images
// are committed, so builds need no browser. test/share-covers.test.ts checks their size and shape.
/* global document */
import fs from 'node:fs'
import path from 'node:path'
import { browserBundle, launchBrowser, root } from '../e2e/helpers.mjs'

/** JPEG quality: flat colour and large type stay clean at 0.6, and each cover costs the main package ~10 KB. */
const QUALITY = 0.6
const OUT = path.join(root, 'src/assets/share')

const [templates, renderer] = await Promise.all([
  browserBundle('src/poster/templates.ts', 'PosterTemplates'),
  browserBundle('src/poster/render.ts', 'PosterRender'),
])
const browser = await launchBrowser()
try {
  const page = await browser.newPage()
  await page.addScriptTag({ content: templates })
  await page.addScriptTag({ content: renderer })
  const covers = await page.evaluate(async (quality) => {
    await document.fonts.ready
    const out = {}
    for (const [name, template] of Object.entries(globalThis.PosterTemplates.shareCovers)) {
      const canvas = document.createElement('canvas')
      globalThis.PosterRender.renderPoster(canvas, template, 1)
      out[name] = canvas.toDataURL('image/jpeg', quality)
    }
    return out
  }, QUALITY)
  fs.mkdirSync(OUT, { recursive: true })
  for (const [name, dataUrl] of Object.entries(covers)) {
    const file = path.join(OUT, `${name}.jpg`)
    fs.writeFileSync(file, Buffer.from(dataUrl.split(',')[1], 'base64'))
    console.log(`${path.relative(root, file)}  ${(fs.statSync(file).size / 1024).toFixed(1)} KB`)
  }
} finally {
  await browser.close()
}
