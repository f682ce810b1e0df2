/** @jest-environment node */
/**
 * The deployed entry (cloud/functions/pledge/src/index.ts) against a stand-in for wx-server-sdk:
 * identity from getWXContext only, userInfo dropped, msgSecCheck v2 called and obeyed, share
 * and event codes from getUnlimited kept in storage and share_codes, admins from ADMIN_OPENIDS.
 * The real SDK is never loaded (outside the cloud it crashes Node).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { CODE_PAGE, ErrorCode, LIMITS, PUBLIC_STATS } from '../core/protocol'
import type { CreateEventResult, OrganiserResult, PublicStats, ShareCodeResult, SignResult } from '../core/protocol'
import { sharerScene } from '../core/sharer'
import type { FakeCloudDb } from './fake-cloud-db'

const mockContext: { OPENID?: string } = {}
const mockChecks: unknown[] = []
const mockCodes: unknown[] = []
const mockUploads: Array<{ cloudPath: string; fileContent: Buffer }> = []
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])
const mockState: {
  db: FakeCloudDb | null; dbConfig: unknown; initConfig: unknown; answer: () => Promise<unknown>; code: () => Promise<unknown>
} = {
  db: null,
  dbConfig: null,
  initConfig: null,
  answer: async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } }),
  code: async () => ({ errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/png', buffer: PNG }),
}
const mockEnv = Symbol('DYNAMIC_CURRENT_ENV')

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: mockEnv,
  init: (config: unknown) => { mockState.initConfig = config },
  getWXContext: () => ({ ...mockContext, APPID: 'wx-test' }),
  database: (config: { throwOnNotFound?: boolean }) => {
    mockState.dbConfig = config
    mockState.db = jest.requireActual('./fake-cloud-db').createFakeCloudDb({ config })
    return mockState.db
  },
  uploadFile: async (params: { cloudPath: string; fileContent: Buffer }) => {
    mockUploads.push(params)
    return { fileID: `cloud://env-test.1234/${params.cloudPath}`, statusCode: 204 }
  },
  openapi: {
    security: {
      msgSecCheck: (params: unknown) => {
        mockChecks.push(params)
        return mockState.answer()
      },
    },
    wxacode: {
      getUnlimited: (params: unknown) => {
        mockCodes.push(params)
        return mockState.code()
      },
    },
  },
}), { virtual: true })

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the mock on purpose
const { main } = require('../functions/pledge/src/index') as typeof import('../functions/pledge/src/index')

beforeEach(() => {
  mockContext.OPENID = 'o-user-1'
  mockChecks.length = 0
  mockCodes.length = 0
  mockUploads.length = 0
})

it('initialises the SDK for the current env and a database that returns null for missing docs', () => {
  expect(mockState.initConfig).toEqual({ env: mockEnv })
  expect(mockState.dbConfig).toEqual({ throwOnNotFound: false })
})

it('takes identity from getWXContext and ignores userInfo in the event', async () => {
  const result = await main({ action: 'sign', userInfo: { appId: 'wx-test', openId: 'o-someone-else' } })
  expect(result).toMatchObject({ code: ErrorCode.OK, data: { pledge: { number: expect.any(Number) }, total: 1 } })
  expect(mockState.db?.dump('pledges').map((doc) => doc._id)).toEqual(['o-user-1'])
})

it('rejects an identity in the body and a missing OPENID', async () => {
  expect((await main({ action: 'status', openid: 'o-someone-else' })).code).toBe(ErrorCode.IDENTITY_IN_BODY)
  mockContext.OPENID = undefined
  expect((await main({ action: 'status' })).code).toBe(ErrorCode.NO_IDENTITY)
})

it('checks the company with msgSecCheck v2 (scene 1, the caller\'s openid) and obeys result.suggest', async () => {
  mockContext.OPENID = 'o-user-2'
  mockState.answer = async () => ({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'risky', label: 20001 } })
  const result = await main({ action: 'sign', company: '某公司' })
  expect(mockChecks).toEqual([{ version: 2, openid: 'o-user-2', scene: 1, content: '某公司' }])
  expect(result.data as SignResult).toMatchObject({ companyRejected: 'risky', pledge: { company: null } })
})

it.each([
  ['throws', async () => { throw new Error('errCode: -604101 function has no permission to call this API') }],
  ['answers without a verdict', async () => ({ errCode: 0 })],
])('a msgSecCheck that %s → pledge stored without the company (unavailable), error logged', async (label, answer) => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  mockContext.OPENID = `o-${label}`
  mockState.answer = answer
  const result = await main({ action: 'sign', company: '某公司' })
  expect(result.data as SignResult).toMatchObject({ companyRejected: 'unavailable', alreadyPledged: false })
  expect(logged).toHaveBeenCalledWith('pledge:', expect.any(Error))
  logged.mockRestore()
})

describe('shareCode', () => {
  const savedEnv = process.env.CODE_ENV_VERSION
  const madeCode = mockState.code
  afterEach(() => {
    mockState.code = madeCode
    if (savedEnv === undefined) delete process.env.CODE_ENV_VERSION
    else process.env.CODE_ENV_VERSION = savedEnv
  })

  it('makes the code with getUnlimited once, uploads it and serves it from share_codes after that', async () => {
    delete process.env.CODE_ENV_VERSION
    mockContext.OPENID = 'o-sharer-1'
    const scene = sharerScene('o-sharer-1')
    const path = `share-codes/release/${scene.replace(':', '_')}.png`
    const first = await main({ action: 'shareCode' })
    expect(first).toEqual({ code: ErrorCode.OK, message: 'ok', data: { scene, codeFileId: `cloud://env-test.1234/${path}` } })
    expect(mockCodes).toEqual([{ scene, page: CODE_PAGE, checkPath: false, envVersion: 'release' }])
    expect(mockUploads).toEqual([{ cloudPath: path, fileContent: PNG }])
    expect(mockState.db?.dump('share_codes')).toEqual([{ _id: `release_${scene}`, fileID: `cloud://env-test.1234/${path}`, createdAt: expect.any(String) }])

    expect(await main({ action: 'shareCode' })).toEqual(first)
    expect(mockCodes).toHaveLength(1)
    expect(mockUploads).toHaveLength(1)
  })

  it('CODE_ENV_VERSION picks the version the code opens', async () => {
    process.env.CODE_ENV_VERSION = 'trial'
    mockContext.OPENID = 'o-sharer-trial'
    await main({ action: 'shareCode' })
    expect(mockCodes).toEqual([expect.objectContaining({ envVersion: 'trial' })])
  })

  it.each([
    ['a bad CODE_ENV_VERSION', 'beta', madeCode, /CODE_ENV_VERSION/],
    ['getUnlimited answering an errCode', 'release', async () => ({ errCode: 45009, errMsg: 'reach max api minute hour limit' }), /errCode 45009/],
    ['getUnlimited throwing', 'release', async () => { throw new Error('errCode: -604101 function has no permission to call this API') }, /-604101/],
  ])('%s → my scene without a code, the error logged, nothing stored', async (label, version, code, logged) => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    process.env.CODE_ENV_VERSION = version
    mockContext.OPENID = `o-${label}`
    mockState.code = code
    const result = await main({ action: 'shareCode' })
    expect(result.code).toBe(ErrorCode.OK)
    expect(result.data as ShareCodeResult).toEqual({ scene: sharerScene(`o-${label}`), codeFileId: null })
    expect(error).toHaveBeenCalledWith('pledge:', expect.objectContaining({ message: expect.stringMatching(logged) }))
    expect(mockUploads).toEqual([])
    expect(mockState.db?.dump('share_codes').map((doc) => doc._id)).not.toContain(`release_${sharerScene(`o-${label}`)}`)
    error.mockRestore()
  })
})

describe('organisers (ADMIN_OPENIDS)', () => {
  const savedAdmins = process.env.ADMIN_OPENIDS
  const savedVersion = process.env.CODE_ENV_VERSION
  afterEach(() => {
    for (const [key, value] of [['ADMIN_OPENIDS', savedAdmins], ['CODE_ENV_VERSION', savedVersion]] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })
  const event = { action: 'createEvent', name: '质量开放日', date: '2024-09-10', place: '北京市质量大厦' }

  it('an OPENID on the list creates an event and gets its code: getUnlimited with e:<id> and CODE_PAGE, once', async () => {
    process.env.ADMIN_OPENIDS = ' o-someone , o-admin-1 ,'
    delete process.env.CODE_ENV_VERSION
    mockContext.OPENID = 'o-admin-1'
    expect((await main({ action: 'whoami' })).data).toEqual({ admin: true, scene: sharerScene('o-admin-1') })
    const created = await main(event)
    expect(created.code).toBe(ErrorCode.OK)
    const { id, scene } = (created.data as CreateEventResult).event
    expect(scene).toBe(`e:${id}`)
    expect(mockState.db?.dump('events')).toEqual([{
      _id: id, name: '质量开放日', date: '2024-09-10', place: '北京市质量大厦', createdBy: 'o-admin-1', createdAt: expect.any(String),
    }])

    const path = `share-codes/release/e_${id}.png`
    const code = await main({ action: 'eventCode', id })
    expect(code).toEqual({ code: ErrorCode.OK, message: 'ok', data: { event: { id, name: '质量开放日', date: '2024-09-10', place: '北京市质量大厦', scene }, codeFileId: `cloud://env-test.1234/${path}` } })
    expect(mockCodes).toEqual([{ scene, page: CODE_PAGE, checkPath: false, envVersion: 'release' }])
    expect(mockUploads).toEqual([{ cloudPath: path, fileContent: PNG }])
    expect(await main({ action: 'eventCode', id })).toEqual(code)
    expect(mockCodes).toHaveLength(1)

    mockContext.OPENID = 'o-visitor'
    expect((await main({ action: 'sign', source: scene })).code).toBe(ErrorCode.OK)
    // Event counts are as of the timer's last recount.
    mockContext.OPENID = undefined
    expect((await main({ Type: 'Timer', TriggerName: 'recount', Time: new Date().toISOString() })).code).toBe(ErrorCode.OK)
    mockContext.OPENID = 'o-admin-1'
    const organiser = (await main({ action: 'organiser' })).data as OrganiserResult
    expect(organiser.events).toEqual([expect.objectContaining({ id, count: 1 })])
  })

  it('anyone else is refused, and the list is read on every call', async () => {
    process.env.ADMIN_OPENIDS = 'o-admin-1'
    mockContext.OPENID = 'o-not-admin'
    const before = mockState.db?.dump('events').length
    expect((await main({ action: 'whoami' })).data).toEqual({ admin: false, scene: sharerScene('o-not-admin') })
    for (const data of [event, { action: 'eventCode', id: 'abcd1234' }, { action: 'organiser' }]) {
      expect((await main(data)).code).toBe(ErrorCode.FORBIDDEN)
    }
    expect(mockState.db?.dump('events').length).toBe(before)
    expect(mockCodes).toEqual([])

    process.env.ADMIN_OPENIDS = 'o-admin-1,o-not-admin'
    expect((await main({ action: 'whoami' })).data).toMatchObject({ admin: true })
    delete process.env.ADMIN_OPENIDS
    mockContext.OPENID = 'o-admin-1'
    expect((await main({ action: 'organiser' })).code).toBe(ErrorCode.FORBIDDEN)
  })
})

describe('the timer trigger and per-OPENID limits', () => {
  it('a Timer event without an OPENID recounts and writes public/stats, which clients read instead of calling', async () => {
    mockState.answer = async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } })
    for (const openid of ['o-t1', 'o-t2', 'o-t3']) {
      mockContext.OPENID = openid
      expect((await main({ action: 'sign', company: '计时单位' })).code).toBe(ErrorCode.OK)
    }
    const before = Date.now()
    mockContext.OPENID = undefined
    expect(await main({ Type: 'Timer', TriggerName: 'recount', Time: new Date().toISOString() })).toEqual({ code: ErrorCode.OK, message: 'ok', data: null })
    const published = mockState.db?.dump(PUBLIC_STATS.collection).find((doc) => doc._id === PUBLIC_STATS.doc) as unknown as PublicStats
    const rows = mockState.db?.dump('pledges').length
    expect(published).toMatchObject({ total: rows, topCompanies: expect.arrayContaining([{ company: '计时单位', count: 3 }]) })
    expect(Date.parse(published.updatedAt)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('a Timer-shaped event from a user is an ordinary call: refused, nothing recounted', async () => {
    mockContext.OPENID = 'o-user-1'
    expect((await main({ Type: 'Timer' })).code).not.toBe(ErrorCode.OK)
  })

  it(`refuses an OPENID's call past ${LIMITS.callsPerMinute} in a minute with 42900 and words`, async () => {
    // Only the clock is faked, so every call falls in one minute.
    jest.useFakeTimers({ now: new Date('2024-09-01T08:00:10Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] })
    mockContext.OPENID = 'o-busy-caller'
    const replies = []
    for (let i = 0; i <= LIMITS.callsPerMinute; i += 1) replies.push(await main({ action: 'status' }))
    jest.useRealTimers()
    expect(replies.slice(0, -1).every((reply) => reply.code === ErrorCode.OK)).toBe(true)
    expect(replies.at(-1)).toEqual({ code: ErrorCode.RATE_LIMITED, message: '操作太频繁，请稍后再试', data: null })
    expect(mockState.db?.dump('limits').some((doc) => String(doc._id).startsWith('call-o-busy-caller-'))).toBe(true)
  })
})

it('the committed index.js is what the build produces from the current sources', () => {
  const check = spawnSync(process.execPath, [path.resolve(__dirname, '../../scripts/build-cloud.mjs'), '--check'], { encoding: 'utf8' })
  expect(check.stderr).toBe('')
  expect(check.status).toBe(0)
})
