/** @jest-environment node */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ErrorCode } from '../cloud/core/protocol'
import { sharerScene } from '../cloud/core/sharer'
import { createAppServer } from './app'
import { readServerConfig } from './env'
import type { Env } from './env'
import { ORGANISER_LOGIN_PATH, ORGANISER_PAGE } from './organiser-login'
import { createLocalPledge } from './pledge-local'
import { createSessionKeys, ORGANISER_SESSION_MAX_AGE_S } from './session-cookie'

const SECRET = 'organiser-test-secret-0123456789'
const KEY = 'the-organiser-key-0123'

let root: string
const running: Array<() => Promise<void>> = []
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'organiser-login-'))
})
afterEach(async () => {
  for (const stop of running.splice(0)) await stop()
  fs.rmSync(root, { recursive: true, force: true })
})

/** The local runner as main.ts wires it: the H5 root, /api/pledge and /organiser. */
async function start (env: Env = {}) {
  const pledge = createLocalPledge(readServerConfig({ SESSION_SECRET: SECRET, ORGANISER_KEY: KEY, ...env }), root)
  const server = createAppServer({ root, api: { pledge: pledge.route }, routes: { [ORGANISER_LOGIN_PATH]: pledge.organiserLogin } })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  running.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await pledge.close()
  })
  const call = async (data: unknown, cookie?: string) => {
    const res = await fetch(`${base}/api/pledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
      body: JSON.stringify(data),
    })
    return { json: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie }
  }
  const login = (query: string, init: RequestInit = {}, cookie?: string, forwardedFor?: string) => fetch(`${base}${ORGANISER_LOGIN_PATH}${query}`, {
    redirect: 'manual',
    ...init,
    headers: { ...(cookie === undefined ? {} : { cookie }), ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
  })
  return { pledge, call, login }
}

it('the right key: a 302 to the organiser page with the organiser\'s cookie, which the API treats as admin', async () => {
  const { call, login } = await start()
  const visitor = await call({ action: 'whoami' })
  expect(visitor.json.data).toEqual({ admin: false, scene: expect.any(String) })
  expect((await call({ action: 'organiser' }, visitor.cookie)).json.code).toBe(ErrorCode.FORBIDDEN)

  const res = await login(`?key=${encodeURIComponent(KEY)}`, {}, visitor.cookie)
  expect(res.status).toBe(302)
  expect(res.headers.get('location')).toBe(ORGANISER_PAGE)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const setCookie = res.headers.get('set-cookie') ?? ''
  expect(setCookie).toMatch(/^qm_sid=organiser\.\d+\.[\w-]{43}; /)
  expect(setCookie).toContain('HttpOnly')
  expect(setCookie).toContain(`Max-Age=${ORGANISER_SESSION_MAX_AGE_S}`)
  const cookie = setCookie.split(';')[0]

  expect((await call({ action: 'whoami' }, cookie)).json.data).toEqual({ admin: true, scene: sharerScene('organiser') })
  const created = await call({ action: 'createEvent', name: '质量开放日', date: '2024-09-10', place: '北京' }, cookie)
  expect(created.json).toMatchObject({ code: 0, data: { event: { name: '质量开放日', scene: expect.stringMatching(/^e:[0-9a-z]{8}$/) } } })
  expect((await call({ action: 'eventCode', id: created.json.data.event.id }, cookie)).json.data).toMatchObject({ codeFileId: null })
  expect((await call({ action: 'organiser' }, cookie)).json).toMatchObject({ code: 0, data: { events: [{ name: '质量开放日', count: 0 }] } })
})

it.each([
  ['a wrong key', `?key=${encodeURIComponent(`${KEY}x`)}`],
  ['a key of another length', '?key=x'],
  ['an empty key', '?key='],
  ['no key', ''],
  ['the key under another name', `?k=${encodeURIComponent(KEY)}`],
])('%s → 403 with a Chinese page, no cookie set', async (_label, query) => {
  const { call, login } = await start()
  const visitor = await call({ action: 'whoami' })
  const res = await login(query, {}, visitor.cookie)
  expect(res.status).toBe(403)
  expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(res.headers.get('set-cookie')).toBeNull()
  expect(await res.text()).toContain('组织者密钥不正确')
  expect((await call({ action: 'whoami' }, visitor.cookie)).json.data).toMatchObject({ admin: false })
})

it('a cookie naming the organiser but signed with another secret is a stranger', async () => {
  const { call } = await start()
  const forged = createSessionKeys({ secret: 'another-secret-0123456789', organiserKey: KEY }).organiserCookie().split(';')[0]
  const reply = await call({ action: 'whoami' }, forged)
  expect(reply.json.data).toMatchObject({ admin: false })
  expect(reply.cookie).not.toBe(forged)
})

it('only GET; attempts share the write bucket, right key or not', async () => {
  const { login, call } = await start({ RATE_LIMIT: '1,3' })
  expect((await login(`?key=${KEY}`, { method: 'POST' })).status).toBe(405)
  expect((await login('?key=wrong')).status).toBe(403)
  expect((await login(`?key=${KEY}`)).status).toBe(302)
  expect((await call({ action: 'sign' })).json.code).toBe(0)
  const limited = await login(`?key=${KEY}`)
  expect(limited.status).toBe(429)
  expect(limited.headers.get('set-cookie')).toBeNull()
  expect((await call({ action: 'sign' })).json.code).toBe(ErrorCode.RATE_LIMITED)
})

it('ADMIN_IDS adds session ids to the local admins', async () => {
  const first = await start()
  const visitor = await first.call({ action: 'whoami' })
  const id = (visitor.cookie ?? '').slice('qm_sid='.length).split('.')[0]
  const second = await start({ ADMIN_IDS: ` ${'f'.repeat(32)}, ${id} ` })
  expect((await second.call({ action: 'whoami' }, visitor.cookie)).json.data).toMatchObject({ admin: true })
  expect((await second.call({ action: 'whoami' })).json.data).toMatchObject({ admin: false })
})

it('the key: ORGANISER_KEY when set, else a new random one at each start', async () => {
  const configured = await start()
  expect(configured.pledge.organiserKey).toBe(KEY)
  const random = [(await start({ ORGANISER_KEY: '' })).pledge.organiserKey, (await start({ ORGANISER_KEY: undefined })).pledge.organiserKey]
  expect(random[0]).toMatch(/^[\w-]{24}$/)
  expect(random[0]).not.toBe(random[1])
})

describe('organiser sessions', () => {
  it(`the cookie carries its expiry, ${ORGANISER_SESSION_MAX_AGE_S / 3600} h from the login, and Max-Age says the same`, async () => {
    expect(ORGANISER_SESSION_MAX_AGE_S).toBeLessThanOrEqual(12 * 60 * 60)
    const { login } = await start()
    const before = Math.floor(Date.now() / 1000)
    const setCookie = (await login(`?key=${KEY}`)).headers.get('set-cookie') ?? ''
    const expiry = Number(/^qm_sid=organiser\.(\d+)\./.exec(setCookie)?.[1])
    expect(expiry - before).toBeGreaterThanOrEqual(ORGANISER_SESSION_MAX_AGE_S)
    expect(expiry - before).toBeLessThanOrEqual(ORGANISER_SESSION_MAX_AGE_S + 2)
    expect(setCookie).toContain(`Max-Age=${ORGANISER_SESSION_MAX_AGE_S}`)
  })

  it('a restart with the same ORGANISER_KEY keeps the organiser; a new key ends the session', async () => {
    const first = await start()
    const cookie = ((await first.login(`?key=${KEY}`)).headers.get('set-cookie') ?? '').split(';')[0]
    const same = await start()
    expect((await same.call({ action: 'whoami' }, cookie)).json.data).toMatchObject({ admin: true })
    const rotated = await start({ ORGANISER_KEY: 'a-brand-new-organiser-key' })
    const reply = await rotated.call({ action: 'whoami' }, cookie)
    expect(reply.json.data).toMatchObject({ admin: false })
    expect(reply.cookie).toMatch(/^qm_sid=[0-9a-f]{32}\./)
    expect((await rotated.call({ action: 'organiser' }, cookie)).json.code).toBe(ErrorCode.FORBIDDEN)
  })
})

it('with TRUST_PROXY, login attempts are counted per forwarded address', async () => {
  const { login } = await start({ TRUST_PROXY: 'true', RATE_LIMIT: '0.001,1' })
  expect((await login('?key=wrong', {}, undefined, '198.51.100.1')).status).toBe(403)
  expect((await login(`?key=${KEY}`, {}, undefined, '198.51.100.1')).status).toBe(429)
  expect((await login(`?key=${KEY}`, {}, undefined, '198.51.100.1, 198.51.100.2')).status).toBe(302)
})
