/** @jest-environment node */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ErrorCode, SOURCE_PATTERN } from '../cloud/core/protocol'
import { createAppServer } from './app'
import { readServerConfig } from './env'
import { createLocalPledge } from './pledge-local'
import { PUBLIC_STATS_PATH } from './public-stats'
import type { LocalPledge } from './pledge-local'

let root: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-local-'))
})
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

async function post (pledge: LocalPledge, data: unknown, cookie?: string) {
  const server = http.createServer((req, res) => { void pledge.route(req, res) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
      body: JSON.stringify(data),
    })
    return { json: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie }
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

it('keeps the database at DB_PATH and a private session secret under .data/, so identities survive a restart', async () => {
  const config = readServerConfig({ DB_PATH: 'custom/pledge.db' })
  const first = createLocalPledge(config, root)
  expect(first.dbPath).toBe(path.join(root, 'custom/pledge.db'))
  const signed = await post(first, { action: 'sign', company: '甲公司' })
  expect(signed.json).toMatchObject({ code: 0, data: { pledge: { number: 1, company: '甲公司' } } })
  await first.close()

  const secretFile = path.join(root, '.data/session-secret')
  expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600)
  expect(fs.readFileSync(secretFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/)

  const second = createLocalPledge(config, root)
  const status = await post(second, { action: 'status' }, signed.cookie)
  expect(status.json.data).toMatchObject({ pledge: { number: 1 }, total: 1 })
  await second.close()
})

it('defaults to .data/pledge.db and the local word list', async () => {
  const pledge = createLocalPledge(readServerConfig({}), root)
  expect(pledge.dbPath).toBe(path.join(root, '.data/pledge.db'))
  const result = await post(pledge, { action: 'sign', company: '傻逼公司' })
  expect(result.json.data).toMatchObject({ companyRejected: 'risky', pledge: { company: null } })
  await pledge.close()
})

it('answers shareCode with the caller\'s scene and no code: the H5 client draws its own QR code', async () => {
  const pledge = createLocalPledge(readServerConfig({}), root)
  const first = await post(pledge, { action: 'shareCode' })
  expect(first.json).toEqual({ code: 0, message: 'ok', data: { scene: expect.stringMatching(SOURCE_PATTERN), codeFileId: null } })
  expect((await post(pledge, { action: 'shareCode' }, first.cookie)).json).toEqual(first.json)
  await pledge.close()
})

it('uses SESSION_SECRET when given, and refuses a secret file that was cut short', () => {
  const pledge = createLocalPledge(readServerConfig({ SESSION_SECRET: 'a-long-enough-session-secret' }), root)
  expect(fs.existsSync(path.join(root, '.data/session-secret'))).toBe(false)
  fs.writeFileSync(path.join(root, '.data/session-secret'), 'short')
  expect(() => createLocalPledge(readServerConfig({}), root)).toThrow(/16 bytes/)
  return pledge.close()
})

it('serves the public counts from its store without the function or a cookie', async () => {
  const pledge = createLocalPledge(readServerConfig({ NEW_SESSIONS_PER_MINUTE: '2' }), root)
  await post(pledge, { action: 'sign', company: '甲公司' })
  const server = createAppServer({ root, routes: { [PUBLIC_STATS_PATH]: pledge.publicStats } })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PUBLIC_STATS_PATH}`
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(url)
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(await res.json()).toEqual({
        total: 1, topCompanies: [{ company: '甲公司', count: 1 }], sources: [], updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      })
    }
    // Viewing took none of the two new identities allowed: the second is still there, and then none.
    expect((await post(pledge, { action: 'whoami' })).cookie).toMatch(/^qm_sid=/)
    expect((await post(pledge, { action: 'whoami' })).json.code).toBe(ErrorCode.RATE_LIMITED)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await pledge.close()
  }
})
