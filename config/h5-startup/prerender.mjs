#!/usr/bin/env node
// After `taro build --type h5`: write each tab's first screen into dist/h5/index.html as static
// HTML + the CSS it uses (an app shell), and start the app's scripts after that first paint.
// Taro's H5 app paints nothing until ~300 KB of JS has run (about 2 s on a slow phone); with the
// shell the reader sees the page at once and the app takes over in place (hooks/use-app-shell.ts).
//
// The shell is the page itself, rendered by the built app in Chromium: same DOM, same CSS, so the
// hand-over moves nothing. The pages are plain HTML elements (h5.useHtmlComponents, our own tab bar);
// a web component in the first screen stops the build, as its copy would come alive. Ids and
// accessibility attributes are dropped (the shell is inert and aria-hidden), and everything below
// the fold is left out. Pledge data is never baked in: the API is held unanswered while rendering,
// so the shell shows the page's loading state.
//   node config/h5-startup/prerender.mjs          (needs Chromium: CHROME_PATH or /usr/bin/chromium)
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import taroVersion from './taro-version.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dist = path.join(root, 'dist/h5')
const indexFile = path.join(dist, 'index.html')
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
/** Tab pages get a shell; others (details, subpackages) are rarely a first screen. */
const SHELL_ROUTES = ['/pages/index/index', '/pages/proposal/index', '/pages/pledge/index']
const MARKER = 'id="qm-shell"'
/**
 * Calls a page makes as soon as it opens, sent by the boot script before the app's scripts have
 * arrived; the app takes the reply (services/cloud-transport.h5.ts). The body must be what the app
 * sends: services/pledge.ts getPledgeStatus.
 */
const EARLY_CALLS = { '/pages/pledge/index': { name: 'pledge', body: JSON.stringify({ action: 'status' }) } }
/** The app's storage keys (src/services/storage.ts reads the same file). */
const KEYS = JSON.parse(fs.readFileSync(path.join(root, 'src/services/storage-keys.json'), 'utf8'))

/** Runs in the page: the visible page's first screen as HTML, and every CSS rule it matches. */
function capture () {
  const page = document.querySelector('.taro_page.taro_page_show')
  const content = page?.firstElementChild
  if (!content) throw new Error('no page rendered')
  const fold = window.innerHeight
  const kept = new Set()
  for (let node = content; node; node = node.parentElement) kept.add(node)
  const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  const dropAttr = (name) => name === 'id' || name === 'role' || name === 'tabindex' || name.startsWith('aria-') || name.startsWith('on')

  function html (element) {
    if (element.getBoundingClientRect().top >= fold) return ''
    kept.add(element)
    const tag = element.tagName.toLowerCase()
    if (tag.includes('-')) throw new Error(`<${tag}> is a web component: its copy in the shell would be upgraded`)
    const attrs = [...element.attributes].filter((attr) => !dropAttr(attr.name))
      .map((attr) => ` ${attr.name}="${escapeAttr(attr.value)}"`).join('')
    if (['img', 'input', 'br', 'hr'].includes(tag)) return `<${tag}${attrs}>`
    let inner = ''
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) inner += escapeText(child.textContent)
      else if (child.nodeType === Node.ELEMENT_NODE && !['SCRIPT', 'CANVAS'].includes(child.tagName)) inner += html(child)
    }
    return `<${tag}${attrs}>${inner}</${tag}>`
  }
  const markup = html(content)

  // A rule is kept when an element of the shell (or an ancestor) matches it, ignoring states and
  // pseudo-elements (a :focus or ::before rule still belongs to the element it names).
  const loose = (selector) => selector
    .replace(/::?(before|after|placeholder|selection|first-line|first-letter|marker|-webkit-[a-z-]+|-moz-[a-z-]+)/g, '')
    .replace(/:(hover|active|focus|focus-visible|focus-within|visited|link|checked|disabled)/g, '')
    .trim() || '*'
  const matches = (selectorText) => {
    try {
      const selector = selectorText.split(',').map(loose).join(',')
      for (const element of kept) if (element.matches(selector)) return true
      return false
    } catch {
      return false
    }
  }
  function rules (list) {
    const out = []
    for (const rule of list) {
      if (rule instanceof CSSStyleRule) {
        if (matches(rule.selectorText)) out.push(rule.cssText)
      } else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
        const inner = rules(rule.cssRules)
        if (inner.length) out.push(`${rule instanceof CSSMediaRule ? '@media' : '@supports'} ${rule.conditionText}{${inner.join('')}}`)
      }
    }
    return out
  }
  const css = [...document.styleSheets].flatMap((sheet) => rules(sheet.cssRules))
  return { markup, css }
}

/**
 * The inline script after the shells: keeps the route's shell (or none), then starts the app after
 * that first paint. It runs before anything is painted, so no other route's shell is ever seen.
 */
function bootScript (scripts, routeFiles) {
  return `<script>(function () {
  var route = location.hash.slice(1).split('?')[0] || '/pages/index/index'
  // The files this route loads once the app runs (its page chunks and their CSS), fetched now, in
  // parallel with the app's own scripts: on a slow network each would otherwise wait for them.
  // The page's first question to the function, asked now (one round trip less on a slow network).
  var early = ${JSON.stringify(EARLY_CALLS)}[route]
  if (early && window.fetch) {
    early.reply = fetch('/api/' + early.name, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: early.body })
      .then(function (response) { return response.json() })
    window.__qmEarlyCall = early
  }
  var files = ${JSON.stringify(routeFiles)}[route] || []
  files.forEach(function (href) {
    var link = document.createElement('link')
    link.rel = 'preload'
    link.as = /\\.css$/.test(href) ? 'style' : 'script'
    link.href = href
    document.head.appendChild(link)
  })
  // Taro's browser storage keeps each value as JSON {"data": value} (@tarojs/taro-h5 setStorageSync).
  var saved = function (key) { try { return JSON.parse(localStorage.getItem(key)).data } catch (e) { return null } }
  // The shells are in the default reading setting; a reader who chose another size or 繁體 waits for the app.
  var fits = saved(${JSON.stringify(KEYS.fontScale)}) in { null: 1, standard: 1 } && saved(${JSON.stringify(KEYS.script)}) !== 'hant'
  var shell = document.getElementById('qm-shell')
  var kept = null
  Array.prototype.slice.call(shell.children).forEach(function (page) {
    if (fits && page.getAttribute('data-route') === route) kept = page
    else page.remove()
  })
  if (!kept) { shell.remove(); document.getElementById('qm-shell-style').remove() }
  var scripts = ${JSON.stringify(scripts)}
  var started = false
  // A script that fails to arrive (a weak mobile network) would leave a page that never responds.
  function failed () {
    if (document.getElementById('qm-load-error')) return
    var bar = document.createElement('div')
    bar.id = 'qm-load-error'
    bar.setAttribute('role', 'alert')
    bar.innerHTML = '<span>网络不佳，页面没有加载完成</span><button type="button">重新加载</button>'
    bar.querySelector('button').onclick = function () { location.reload() }
    document.body.appendChild(bar)
  }
  function start () {
    if (started) return
    started = true
    scripts.forEach(function (src) {
      var script = document.createElement('script')
      script.src = src
      script.async = false
      script.onerror = failed
      document.head.appendChild(script)
    })
  }
  // After the first frame (rAF, then a task); the timeout covers tabs opened in the background.
  if (kept) { requestAnimationFrame(function () { setTimeout(start) }); setTimeout(start, 500) } else start()
})()</script>`
}

/** The shell's own box: the screen (a tab page's tab bar is part of the page), over the app until it takes over. */
const SHELL_CSS = '#qm-shell{position:fixed;left:0;top:0;width:100%;height:100%;overflow:hidden;z-index:1;pointer-events:none}'

/**
 * The built index.html with the shells, their CSS, and the app's own stylesheet inline (a few KB:
 * one request fewer before the first paint); the app's scripts start from the boot script.
 */
function entryScripts (html) {
  const scripts = [...html.matchAll(/<script defer="defer" src="([^"]+)"><\/script>/g)].map((match) => match[1])
  if (scripts.length === 0) throw new Error('index.html: no deferred scripts found (did Taro change its HTML?)')
  return scripts
}

function inject (html, shells, css, routeFiles) {
  const scripts = entryScripts(html)
  // Fetched while the page parses; run after the first paint (the boot script adds them then).
  const preloads = scripts.map((src) => `<link rel="preload" as="script" href="${src}">`).join('')
  return html
    .replace(/<script defer="defer" src="[^"]+"><\/script>/g, '')
    .replace('</head>', `${preloads}</head>`)
    .replace(/<link href="([^"]+\.css)" rel="stylesheet">/g, (_, href) => `<style>${fs.readFileSync(path.join(dist, href), 'utf8')}</style>`)
    .replace('</head>', `<style id="qm-shell-style">${SHELL_CSS}${css}</style></head>`)
    .replace(/<body>/, () => {
      const pages = Object.entries(shells).map(([route, markup]) => `<div data-route="${route}">${markup}</div>`).join('')
      return `<body><div ${MARKER} aria-hidden="true" inert>${pages}</div>${bootScript(scripts, routeFiles)}`
    })
}

/**
 * Every text file of the build, brotli-compressed at its best beside it (`<file>.br`): about 15%
 * smaller than gzip, too slow to do per request; the local runner (server/app.ts) sends it when
 * the browser accepts br, and so can nginx (brotli_static). Returns the bytes saved against gzip.
 */
function precompress () {
  let saved = 0
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    if (!entry.isFile() || !/\.(js|css|html)$/.test(entry.name)) continue
    const body = fs.readFileSync(file)
    if (body.length <= 1024) continue
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    fs.writeFileSync(`${file}.br`, br)
    saved += zlib.gzipSync(body).length - br.length
  }
  return saved
}

async function main () {
  taroVersion.assertTaroVersion(root)
  const built = fs.readFileSync(indexFile, 'utf8')
  if (built.includes(MARKER)) throw new Error('dist/h5/index.html already has a shell: rebuild H5 first')
  if (!fs.existsSync(chromePath)) {
    console.warn(`跳过首屏预渲染：找不到 Chromium（${chromePath}，可用 CHROME_PATH 指定）。页面照常可用，只是首屏要等脚本执行完。`)
    return
  }
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    // The build is served straight from dist/h5 by the browser's request routing, no server needed.
    await context.route('**/*', (route) => {
      const { pathname } = new URL(route.request().url())
      // Never answered: pages show their loading state, and no live data is baked into the HTML.
      if (pathname.startsWith('/api/')) return
      const file = path.join(dist, decodeURIComponent(pathname))
      if (file.startsWith(`${dist}${path.sep}`) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return route.fulfill({ path: file })
      return route.fulfill({ body: built, contentType: 'text/html; charset=utf-8' })
    })
    const shells = {}
    const css = new Set()
    // The entry's scripts are preloaded already and its stylesheets are inlined (inject).
    const entry = new Set([...entryScripts(built), ...[...built.matchAll(/<link href="([^"]+\.css)" rel="stylesheet">/g)].map((match) => match[1])])
    /** Per route, the scripts and stylesheets it loads after the entry's (in the order asked). */
    const routeFiles = {}
    for (const route of SHELL_ROUTES) {
      const page = await context.newPage()
      const files = []
      page.on('request', (request) => {
        const { pathname } = new URL(request.url())
        if (/\.(js|css)$/.test(pathname) && !entry.has(pathname)) files.push(pathname)
      })
      await page.goto(`http://127.0.0.1/#${route}`)
      await page.locator('.taro_page.taro_page_show > *').first().waitFor()
      await page.waitForTimeout(300)
      const { markup, css: rules } = await page.evaluate(capture)
      shells[route] = markup
      routeFiles[route] = files
      for (const rule of rules) css.add(rule)
      await page.close()
    }
    const html = inject(built, shells, [...css].join(''), routeFiles)
    fs.writeFileSync(indexFile, html)
    const kb = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`
    console.log(`首屏预渲染：${SHELL_ROUTES.map((route) => `${route} ${kb(shells[route])}`).join('，')}；CSS ${kb([...css].join(''))}；index.html ${kb(html)}`)
    console.log(`brotli：比 gzip 少 ${(precompress() / 1024).toFixed(1)} KB`)
  } finally {
    await browser.close()
  }
}

await main()
