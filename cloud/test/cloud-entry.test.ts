/** @jest-environment node */
/**
 * The deployed entry (cloud/functions/pledge/src/index.ts) against a stand-in for wx-server-sdk:
 * identity from getWXContext only, userInfo dropped, msgSecCheck v2 called and obeyed. The real
 * SDK is never loaded (outside the cloud it crashes Node).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ErrorCode } from '../core/protocol'
import type { SignResult } from '../core/protocol'
import type { FakeCloudDb } from './fake-cloud-db'

const mockContext: { OPENID?: string } = {}
const mockChecks: unknown[] = []
const mockState: { db: FakeCloudDb | null; dbConfig: unknown; initConfig: unknown; answer: () => Promise<unknown> } = {
  db: null, dbConfig: null, initConfig: null, answer: async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } }),
}
const mockEnv = Symbol('DYNAMIC_CURRENT_ENV')

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: mockEnv,
  init: (config: unknown) => { mockState.initConfig = config },
  getWXContext: () => ({ ...mockContext, APPID: 'wx-test' }),
  database: (config: unknown) => {
    mockState.dbConfig = config
    mockState.db = jest.requireActual('./fake-cloud-db').createFakeCloudDb()
    return mockState.db
  },
  openapi: {
    security: {
      msgSecCheck: (params: unknown) => {
        mockChecks.push(params)
        return mockState.answer()
      },
    },
  },
}), { virtual: true })

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the mock on purpose
const { main } = require('../functions/pledge/src/index') as typeof import('../functions/pledge/src/index')

beforeEach(() => {
  mockContext.OPENID = 'o-user-1'
  mockChecks.length = 0
})

it('initialises the SDK for the current env and a database that returns null for missing docs', () => {
  expect(mockState.initConfig).toEqual({ env: mockEnv })
  expect(mockState.dbConfig).toEqual({ throwOnNotFound: false })
})

it('takes identity from getWXContext and ignores userInfo in the event', async () => {
  const result = await main({ action: 'sign', userInfo: { appId: 'wx-test', openId: 'o-someone-else' } })
  expect(result).toMatchObject({ code: ErrorCode.OK, data: { pledge: { number: 1 } } })
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

it('the committed index.js is what the build produces from the current sources', () => {
  const check = spawnSync(process.execPath, [path.resolve(__dirname, '../../scripts/build-cloud.mjs'), '--check'], { encoding: 'utf8' })
  expect(check.stderr).toBe('')
  expect(check.status).toBe(0)
})
