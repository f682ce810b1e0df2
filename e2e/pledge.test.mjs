// Issue 3 in a real browser: two people (two cookie jars) pledge through the local runner;
// the total is exact, a repeat tap does not count, withdraw works, state survives a reload.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { currentPage, launchBrowser, openPhone, screenshot, startAll, startServer, PAGE_TRANSITION_MS } from './helpers.mjs'

let server
let browser

before(async () => {
  ;[server, browser] = await startAll(startServer(), launchBrowser())
})
after(async () => {
  await browser?.close()
  assert.equal(await server?.stop(), 0, 'the server exits cleanly on SIGTERM')
})

async function openPledge () {
  const phone = await openPhone(browser)
  await phone.page.goto(`${server.url}#/pages/pledge/index`)
  // The card shows at once with “—”; a number means the pledge state has loaded.
  await phone.page.locator('#pledge-count', { hasText: /^\d+$/ }).waitFor()
  await phone.page.waitForTimeout(PAGE_TRANSITION_MS)
  return phone
}

const count = async (page) => Number(await currentPage(page).locator('#pledge-count').textContent())

test('two people pledge 0→1→2, a repeat tap does not count, withdraw goes back to 1, reload keeps state', async () => {
  const alice = await openPledge()
  const bob = await openPledge()
  assert.equal(await count(alice.page), 0)

  await currentPage(alice.page).locator('#pledge-company input, input#pledge-company').first().fill('质检示范企业')
  await currentPage(alice.page).locator('#pledge-button').click()
  await currentPage(alice.page).locator('#pledge-number').waitFor({ state: 'visible' })
  assert.equal(await currentPage(alice.page).locator('#pledge-number').textContent(), '承诺编号 No.1')
  assert.ok((await currentPage(alice.page).innerText()).includes('「质检示范企业」已有 1 人承诺'))
  assert.equal(await count(alice.page), 1)
  await screenshot(alice.page, 'pledge-signed')

  await bob.page.reload()
  await bob.page.waitForSelector('#pledge-button', { state: 'visible' })
  assert.equal(await count(bob.page), 1)
  // Two quick taps in one context: one pledge.
  await currentPage(bob.page).locator('#pledge-button').dblclick()
  await currentPage(bob.page).locator('#pledge-number').waitFor({ state: 'visible' })
  assert.equal(await currentPage(bob.page).locator('#pledge-number').textContent(), '承诺编号 No.2')
  assert.equal(await count(bob.page), 2)

  // Signing again from the same browser (a second tab) changes nothing.
  const bobAgain = await bob.context.newPage()
  await bobAgain.goto(`${server.url}#/pages/pledge/index`)
  await bobAgain.waitForSelector('#pledge-number', { state: 'visible' })
  assert.equal(await count(bobAgain), 2)
  await bobAgain.close()

  await currentPage(bob.page).locator('#pledge-withdraw').click()
  await bob.page.getByText('撤回', { exact: true }).last().click()
  await currentPage(bob.page).locator('#pledge-button').waitFor({ state: 'visible' })
  assert.equal(await count(bob.page), 1)

  await alice.page.reload()
  await alice.page.waitForSelector('#pledge-number', { state: 'visible' })
  assert.equal(await currentPage(alice.page).locator('#pledge-number').textContent(), '承诺编号 No.1')
  assert.equal(await count(alice.page), 1)

  assert.deepEqual([...alice.errors, ...bob.errors], [])
  await alice.context.close()
  await bob.context.close()
})
