// The first tap on slow 4G, for `npm run bench`: a cold load of the 承诺 page on DevTools' Slow 4G
// (562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up) with 4× CPU throttling, tapping the
// button as soon as the live page has it, until the pledge's number is shown. The floor is a
// one-page Taro 4 app (bench/floor-app, Taro's defaults) making the same call on the same runner;
// runs interleave, each in a fresh browser context (empty cache, new identity).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openPhone, root } from '../e2e/helpers.mjs'

export const SLOW_4G = { latency: 562.5, downloadThroughput: (1.47 * 1e6) / 8, uploadThroughput: (675 * 1e3) / 8 }
export const CPU_SLOWDOWN = 4
const FLOOR = path.join(root, 'bench/floor-app')
const TAP_EVERY_MS = 50
const GIVE_UP_MS = 60_000

/** Builds the floor app (Taro's defaults) into bench/floor-app/dist/h5. */
export function buildFloor () {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: FLOOR, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`floor app build failed:\n${build.stdout}\n${build.stderr}`)
}

/** The local runner (the bundle `npm start` writes to .build/) serving the floor app's build. */
export async function startFloorServer () {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-floor-'))
  const child = spawn(process.execPath, [path.join(root, '.build/server.cjs')], {
    cwd: FLOOR,
    env: { ...process.env, PORT: '0', DB_PATH: path.join(work, 'pledge.db'), SESSION_SECRET: 'bench-floor-session-0123456789', RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(log)
      if (match) resolve(match[0])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`floor runner exited with ${code}:\n${log}`)))
  })
  return { url, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM') }) }
}

/**
 * Milliseconds from navigation start until the answer to the first tap is on screen, and the
 * requests made by then. `button` / `answer` are selectors in the live page (the app's static
 * first screen takes no taps, so a tap there is not counted as answered).
 */
export async function firstTap (browser, url, { button, answer }) {
  const { page, context } = await openPhone(browser)
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    let requests = 0
    page.on('request', () => { requests += 1 })
    // When the answer first appears, by the page's own clock (navigation start = 0).
    await page.addInitScript((selector) => {
      const { document, MutationObserver } = globalThis
      new MutationObserver((_changes, observer) => {
        if (!document.querySelector(selector)) return
        globalThis.__answeredAt = performance.now()
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true, characterData: true })
    }, answer)
    await page.goto(url, { waitUntil: 'commit' })
    const live = page.locator(`.taro_page ${button}`)
    const deadline = Date.now() + GIVE_UP_MS
    let tapped = false
    while (Date.now() < deadline) {
      if (await page.locator(answer).count()) break
      // Tap as a person would, again and again, until the page answers (a click while it loads does nothing).
      if (!tapped && await live.count() && await live.first().isEnabled()) {
        await live.first().click({ timeout: 1000 }).then(() => { tapped = true }, () => undefined)
      }
      await page.waitForTimeout(TAP_EVERY_MS)
    }
    const answeredAt = await page.evaluate(() => globalThis.__answeredAt ?? null)
    if (answeredAt === null) throw new Error(`${url}: no answer within ${GIVE_UP_MS} ms`)
    return { ms: answeredAt, requests }
  } finally {
    await context.close()
  }
}
