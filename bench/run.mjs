#!/usr/bin/env node
// `npm run bench` (not a test): one table of the H5 and package figures, printed and written to
// the top section of bench/results.md (the other benches keep their own sections there). The
// first tap on the 承诺 page on slow 4G against a one-page Taro app (bench/first-tap.mjs, built
// here from bench/floor-app; interleaved runs, median ratio), H5 LCP of each tab at 375×667 with
// 4× CPU throttling (median of 5 cold loads, each in a fresh context), Lighthouse 12 performance
// score of 首页 with the system Chromium (median of 3, mobile preset and its simulated
// throttling), the weapp package sizes (scripts/size.mjs), and the pledge and poster benches.
// Needs dist/h5 and dist/weapp (npm run build:h5 / build:weapp). Exits nonzero only on errors.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { launchBrowser, openPhone, root, startServer } from '../e2e/helpers.mjs'
import { buildFloor, firstTap, startFloorServer } from './first-tap.mjs'
import { median } from './median.mjs'

const TABS = [['首页', '/pages/index/index'], ['倡议书', '/pages/proposal/index'], ['承诺', '/pages/pledge/index']]
const FIRST_TAP_RUNS = 5
const LCP_RUNS = 5
const LIGHTHOUSE_RUNS = 3
const CPU_SLOWDOWN = 4
/** LCP has settled when the network is idle and no new candidate came for this long. */
const LCP_QUIET_MS = 1000
const SETTLE_MS = 1500
const TARGETS = { lcpMs: 700, lighthouse: 95, mainKb: 420, firstTapRatio: 1 }

/** The JSON a child script printed last (from the last line opening with `{`); a missed target still prints it. */
function jsonOf (script, args = []) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })
  const out = `\n${run.stdout.trim()}`
  const start = out.lastIndexOf('\n{')
  if (start < 0) throw new Error(`${script} printed no JSON (exit ${run.status}):\n${run.stderr}`)
  return JSON.parse(out.slice(start + 1))
}

async function lcpOf (browser, origin, route) {
  const { page, context } = await openPhone(browser)
  try {
    // A 404 from the same origin first: the tab's renderer and connection exist, as in a browser
    // already open (Lighthouse too starts from a live tab), while the cache stays empty.
    await page.goto(`${origin}/bench-warm-up.txt`)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await page.addInitScript(() => {
      globalThis.__lcp = { time: 0, at: 0 }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) globalThis.__lcp = { time: entry.startTime, at: performance.now() }
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await page.goto(`${origin}#${route}`, { waitUntil: 'networkidle' })
    for (;;) {
      const { time, at, now } = await page.evaluate(() => ({ ...globalThis.__lcp, now: performance.now() }))
      if (time > 0 && now - at >= LCP_QUIET_MS) return time
      await page.waitForTimeout(200)
    }
  } finally {
    await context.close()
    // Idle between loads: the last context's teardown would otherwise land in the next load.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  }
}

async function lighthouseScore (url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' })
    const metric = (id) => lhr.audits[id].numericValue
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'), si: metric('speed-index'),
    }
  } finally {
    await chrome.kill()
  }
}

buildFloor()
const server = await startServer({ RATE_LIMIT: 'off' })
// After startServer: it bundles the runner the floor is served by too.
const floor = await startFloorServer()
const browser = await launchBrowser()
const rows = []
try {
  const app = []
  const base = []
  for (let i = 0; i < FIRST_TAP_RUNS; i++) {
    app.push(await firstTap(browser, `${server.url}#/pages/pledge/index`, { button: '#pledge-button', answer: '#pledge-number' }))
    base.push(await firstTap(browser, floor.url, { button: '#floor-button', answer: '#floor-number' }))
  }
  const ratio = median(app.map((run, i) => run.ms / base[i].ms))
  const ms = (runs) => Math.round(median(runs.map((run) => run.ms)))
  rows.push([`慢速 4G 首次点按“我承诺”到显示编号（4× CPU，${FIRST_TAP_RUNS} 次交替中位数）`, `${ms(app)} ms，${median(app.map((run) => run.requests))} 个请求；单页 Taro 应用 ${ms(base)} ms，${median(base.map((run) => run.requests))} 个请求`, `≤ 单页 Taro 应用`, ratio.toFixed(2)])
  for (const [name, route] of TABS) {
    const runs = []
    for (let i = 0; i < LCP_RUNS; i++) runs.push(await lcpOf(browser, server.url, route))
    const lcp = median(runs)
    rows.push([`H5 LCP ${name}（4× CPU，${LCP_RUNS} 次中位数）`, `${Math.round(lcp)} ms`, `≤ ${TARGETS.lcpMs} ms`, (lcp / TARGETS.lcpMs).toFixed(2)])
  }
  await browser.close()
  const reports = []
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) reports.push(await lighthouseScore(`${server.url}#/pages/index/index`))
  const score = median(reports.map((report) => report.score))
  const at = (key) => Math.round(median(reports.map((report) => report[key])))
  rows.push([`Lighthouse 12.2.3 性能分（首页，${LIGHTHOUSE_RUNS} 次中位数）`, String(score), `≥ ${TARGETS.lighthouse}`, (score / TARGETS.lighthouse).toFixed(2)])
  rows.push(['　其中 FCP / LCP / TBT / SI', `${at('fcp')} / ${at('lcp')} / ${at('tbt')} / ${at('si')} ms，CLS ${median(reports.map((r) => r.cls)).toFixed(3)}`, '', ''])
} finally {
  await browser.close().catch(() => undefined)
  await server.stop()
  await floor.stop()
}

const size = jsonOf('scripts/size.mjs', ['--no-build', '--json'])
const mainKb = size.main.bytes / 1024
rows.push(['小程序主包（微信计算的字节）', `${mainKb.toFixed(1)} KB`, `≤ ${TARGETS.mainKb} KB`, (mainKb / TARGETS.mainKb).toFixed(2)])
for (const [name, bytes] of Object.entries(size.subpackages)) rows.push([`分包 ${name}`, `${(bytes / 1024).toFixed(1)} KB`, '', ''])
const pledge = jsonOf('bench/pledge.mjs')
rows.push(['承诺压测（autocannon 50 连接 10 秒）', `${pledge.rps} 次/秒，p99 ${pledge.p99} ms，计数${pledge.exact ? '一致' : '不一致'}`, '≥ 10,000 次/秒，p99 ≤ 15 ms', (pledge.rps / 10_000).toFixed(2)])
const poster = jsonOf('bench/poster.mjs')
rows.push(['海报绘制 + 导出（750×1334 ×2，全部海报中位数）', `${poster.totalMs} ms`, '≤ 300 ms', (poster.totalMs / 300).toFixed(2)])

const table = [
  '| 指标 | 结果 | 目标 | 结果/目标 |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n')
// Only the section this script owns: bench:pledge and bench:burst keep theirs below it.
const file = path.join(root, 'bench/results.md')
const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
const rest = previous.includes('\n## ') ? previous.slice(previous.indexOf('\n## ')) : ''
fs.writeFileSync(file, `# 性能基准（npm run bench）\n\n${new Date().toISOString().slice(0, 10)}，本机 ${process.platform} ${process.arch}，Node ${process.version}。\n\n${table}\n${rest}`)
console.log(table)
