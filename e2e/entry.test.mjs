// Issue 5 in a real browser: an organiser creates an event and gets its code; a person opening
// the code's /?scene= URL sees the event and pledges for it; a link that person shares credits
// them with the next pledge; deep links open every page, unknown parameters ignored.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { callPledge, currentPage, installImageTools, launchBrowser, openPhone, screenshot, startAll, startServer, PAGE_TRANSITION_MS } from './helpers.mjs'

const ORGANISER_KEY = 'e2e-organiser-key-0123456789'
let server
let browser

before(async () => {
  ;[server, browser] = await startAll(startServer({ ORGANISER_KEY }), launchBrowser())
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const input = (page, id) => currentPage(page).locator(`#${id} input, input#${id}`).first()

async function pledge (page) {
  await currentPage(page).locator('#pledge-button').click()
  await currentPage(page).locator('#pledge-number').waitFor({ state: 'visible' })
}

test('an event code credits its pledges to the event, and a shared link credits its sharer', async () => {
  const organiser = await openPhone(browser)
  await organiser.page.goto(`${server.url}organiser?key=${ORGANISER_KEY}`)
  await currentPage(organiser.page).locator('#organiser-total').waitFor({ state: 'visible' })
  assert.equal((await callPledge(organiser.page, server, { action: 'whoami' })).data.admin, true)

  // The fields are named for screen readers (the placeholder goes once something is typed).
  for (const name of ['活动名称', '活动地点']) assert.equal(await currentPage(organiser.page).getByRole('textbox', { name, exact: true }).count(), 1, name)
  await input(organiser.page, 'event-name').fill('质量月开放日')
  await input(organiser.page, 'event-place').fill('北京国家会议中心')
  await currentPage(organiser.page).locator('#event-create').click()
  const codeImage = organiser.page.locator('#event-code-image img, img#event-code-image').first()
  await codeImage.waitFor({ state: 'attached' })
  assert.match(await codeImage.getAttribute('alt'), /质量月开放日.*北京国家会议中心/)
  await installImageTools(organiser.page)
  const eventLink = await codeImage.evaluate(async (img) => {
    const { data, width, height } = await globalThis.imagePixels(img)
    return globalThis.jsQR(data, width, height)?.data ?? null
  })
  const [, eventId] = /\/\?scene=e%3A([0-9a-z]{8})$/.exec(eventLink ?? '') ?? []
  assert.ok(eventId, `the event code reads as /?scene=e:<id>: ${eventLink}`)
  await screenshot(organiser.page, 'organiser-event-code')
  // The code covers the page as a dialog, keyboard focus on its 关闭; Escape closes it.
  await organiser.page.getByRole('dialog', { name: '活动码' }).waitFor()
  assert.equal(await organiser.page.evaluate(() => document.activeElement?.id), 'event-code-close')
  await organiser.page.keyboard.press('Escape')
  await organiser.page.locator('#event-code').waitFor({ state: 'detached' })

  // Someone scans the code: the pledge page names the event, and the pledge counts for it.
  const scanner = await openPhone(browser)
  await scanner.page.goto(eventLink)
  await currentPage(scanner.page).locator('#pledge-event').getByText('质量月开放日').waitFor()
  await screenshot(scanner.page, 'pledge-from-event')
  await pledge(scanner.page)

  await organiser.page.reload()
  await currentPage(organiser.page).locator(`#organiser-count-${eventId}`).waitFor()
  assert.equal(await currentPage(organiser.page).locator(`#organiser-count-${eventId}`).textContent(), '1')

  // The scanner invites a friend with the copied link; the friend's pledge credits the scanner.
  await scanner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin })
  await currentPage(scanner.page).locator('#pledge-invite').click()
  const inviteLink = await scanner.page.evaluate(() => navigator.clipboard.readText())
  const scannerScene = (await callPledge(scanner.page, server, { action: 'whoami' })).data.scene
  assert.equal(inviteLink, new URL(`/#/pages/pledge/index?scene=${encodeURIComponent(scannerScene)}`, server.url).href)

  const friend = await openPhone(browser)
  await friend.page.goto(inviteLink)
  await currentPage(friend.page).locator('#pledge-button').waitFor({ state: 'visible' })
  await friend.page.waitForTimeout(PAGE_TRANSITION_MS)
  await pledge(friend.page)
  const stats = await callPledge(organiser.page, server, { action: 'stats' })
  assert.deepEqual(stats.data.sources.filter((row) => row.source === scannerScene), [{ source: scannerScene, count: 1 }])
  await organiser.page.reload()
  await currentPage(organiser.page).locator('#organiser-via-shares').getByText('1', { exact: true }).waitFor()
  assert.equal(await currentPage(organiser.page).locator('#organiser-total').textContent(), '2')

  // Aggregate counts as CSV: the event's row, no sharer ids.
  const [download] = await Promise.all([
    organiser.page.waitForEvent('download'),
    currentPage(organiser.page).locator('#organiser-export').click(),
  ])
  const csv = await new Promise((resolve, reject) => {
    download.createReadStream().then((stream) => {
      let text = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk) => { text += chunk })
      stream.on('end', () => resolve(text))
      stream.on('error', reject)
    }, reject)
  })
  assert.ok(csv.includes('活动,质量月开放日,'), csv)
  assert.ok(csv.includes('合计,经分享链接或海报,,,1'), csv)
  assert.ok(!csv.includes(scannerScene), 'no sharer id in the export')
  await screenshot(organiser.page, 'organiser')

  // A person who is not an organiser cannot create events, and nothing is stored.
  const refused = await callPledge(friend.page, server, { action: 'createEvent', name: '冒名活动', date: '2024-09-23', place: '某地' })
  assert.equal(refused.code, 40300)
  const after = await callPledge(organiser.page, server, { action: 'organiser' })
  assert.deepEqual(after.data.events.map((event) => event.name), ['质量月开放日'])

  for (const phone of [organiser, scanner, friend]) {
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  }
})

test('a wrong organiser key changes nothing; the organiser view stays closed to others', async () => {
  const { page, context } = await openPhone(browser)
  const response = await page.goto(`${server.url}organiser?key=wrong`)
  assert.equal(response.status(), 403)
  await page.goto(`${server.url}#/subpackages/poster/pages/organiser/index`)
  await currentPage(page).getByText('仅限活动组织者').waitFor()
  assert.equal((await callPledge(page, server, { action: 'whoami' })).data.admin, false)
  await context.close()
})

test('deep links: every page opens by its path, unknown parameters and bad scenes ignored', async () => {
  const { page: first, context, errors } = await openPhone(browser)
  await first.close()
  const junk = 'utm_source=x&from=timeline&scene=%E0%A4%A'
  const pages = [
    ['pages/index/index', '#home-about'],
    ['pages/proposal/index', '#proposal-title'],
    ['pages/pledge/index', '#pledge-count'],
    ['pages/not-found/index', 'text=未找到页面'],
    ['subpackages/poster/pages/gallery/index', '#poster-item-theme'],
    ['subpackages/poster/pages/personal/index', 'text=承诺后即可生成海报'],
  ]
  for (const [path, probe, query = ''] of pages) {
    // A fresh load each time, as when the link is opened from outside.
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
    await page.goto(`${server.url}#/${path}?${query}${junk}`)
    await currentPage(page).locator(probe).first().waitFor({ state: 'attached' })
    await page.close()
  }
  assert.deepEqual(errors, [])
  await context.close()
})
