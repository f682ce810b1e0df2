/** @jest-environment node */
import { createWordListChecker } from '../core/content-check'
import type { ContentChecker, ContentVerdict } from '../core/content-check'
import { handle } from '../core/handle'
import type { HandleDeps } from '../core/handle'
import { ErrorCode, LIMITS, SOURCE_PATTERN } from '../core/protocol'
import type { ErrorCodeValue, ShareCodeResult, SignResult, StatsResult, StatusResult } from '../core/protocol'
import { sharerScene } from '../core/sharer'
import { createMemoryStore } from '../core/stores/memory'
import type { PledgeStore } from '../core/store'
import { jsonBytes, validateRequest } from '../core/validate'

const CHINESE = /[\u4e00-\u9fff]/
const NOW = new Date('2024-09-01T08:00:00.000Z')

function setup (verdict: ContentVerdict | (() => Promise<ContentVerdict>) = 'pass') {
  const store = createMemoryStore()
  const checked: string[] = []
  const contentCheck: ContentChecker = async (text) => {
    checked.push(text)
    return typeof verdict === 'function' ? verdict() : verdict
  }
  const errors: unknown[] = []
  const deps: HandleDeps = { store, contentCheck, now: () => NOW, onError: (e) => errors.push(e) }
  return { store, deps, checked, errors, call: (data: unknown, identity: string | undefined = 'user-1') => handle(identity, data, deps) }
}

type Case = [label: string, data: unknown, code: ErrorCodeValue]

function malformed (): Case[] {
  const cases: Case[] = []
  const add = (label: string, data: unknown, code: ErrorCodeValue) => cases.push([label, data, code])
  const actions = ['sign', 'status', 'withdraw', 'stats', 'shareCode']

  // Not an object at all.
  for (const data of [undefined, null, 0, 1, 'sign', '{"action":"sign"}', true, [], [{ action: 'sign' }]]) {
    add(`data ${JSON.stringify(data)}`, data, ErrorCode.BAD_REQUEST)
  }
  // Identity fields, in every action and spelling.
  for (const action of actions) {
    for (const key of ['openid', 'OPENID', '_openid', 'openId', 'open_id', 'unionid', 'UNIONID', '_unionid']) {
      add(`${action} with ${key}`, { action, [key]: 'oAbC123' }, ErrorCode.IDENTITY_IN_BODY)
    }
  }
  add('openid without action', { openid: 'x' }, ErrorCode.IDENTITY_IN_BODY)
  // action missing, of the wrong type, or unknown.
  add('empty object', {}, ErrorCode.UNKNOWN_ACTION)
  add('company without action', { company: '甲公司' }, ErrorCode.UNKNOWN_ACTION)
  for (const action of [1, 0, true, null, [], ['sign'], {}, { $eq: 'sign' }]) {
    add(`action ${JSON.stringify(action)}`, { action }, ErrorCode.UNKNOWN_ACTION)
  }
  for (const action of ['', 'Sign', 'SIGN', ' sign', 'sign ', 'delete', 'stats\u0000', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '签名',
    'ShareCode', 'sharecode', 'share_code', 'shareCode ']) {
    add(`action ${JSON.stringify(action)}`, { action }, ErrorCode.UNKNOWN_ACTION)
  }
  // Fields an action does not take.
  for (const action of ['status', 'withdraw', 'stats', 'shareCode']) {
    for (const key of ['company', 'source', 'extra', 'userInfo', '__proto__']) {
      add(`${action} with ${key}`, JSON.parse(`{"action":"${action}","${key}":"x"}`), ErrorCode.UNKNOWN_FIELD)
    }
    add(`${action} with nested object`, { action, filter: { a: { b: 1 } } }, ErrorCode.UNKNOWN_FIELD)
  }
  for (const key of ['extra', 'Company', 'companyName', 'userInfo', 'number', 'total', '', ' company']) {
    add(`sign with ${JSON.stringify(key)}`, { action: 'sign', [key]: '甲公司' }, ErrorCode.UNKNOWN_FIELD)
  }
  // company of the wrong type.
  for (const company of [1, 0, true, false, null, [], ['甲公司'], {}, { name: '甲公司' }, { a: { b: { c: '甲' } } }]) {
    add(`company ${JSON.stringify(company)}`, { action: 'sign', company }, ErrorCode.INVALID_COMPANY)
  }
  // company that normalises to nothing usable.
  const badCompanies: Array<[string, string]> = [
    ['empty', ''], ['spaces', '   '], ['tabs and newlines', '\t\n\r'], ['control chars only', '\u0000\u0001\u0007\u001f\u007f'],
    ['zero-width only', '\u200b\u200c\u200d\ufeff'], ['bidi override only', '\u202e\u202d'], ['emoji', '😀'],
    ['emoji only', '😀🎉👍'], ['emoji family', '👨‍👩‍👧'], ['flag', '🇨🇳'], ['punctuation only', '!!!——。'],
    ['lone surrogate', '\ud800'], ['41 letters', 'a'.repeat(41)], ['41 hanzi', '质'.repeat(41)],
    ['41 astral hanzi', '𠀀'.repeat(41)], ['huge', 'x'.repeat(400)],
  ]
  for (const [label, company] of badCompanies) add(`company ${label}`, { action: 'sign', company }, ErrorCode.INVALID_COMPANY)
  // source of the wrong type or shape.
  for (const source of [1, true, null, [], {}, ['e:expo']]) {
    add(`source ${JSON.stringify(source)}`, { action: 'sign', source }, ErrorCode.INVALID_SOURCE)
  }
  for (const source of ['', 'e:', 's:', 'x:abc', 'E:abc', 'e:abc def', 'e:中文', 's:a/b', 'e:abc\n', 'e::abc', ' e:abc', 'e:abc;drop',
    `e:${'a'.repeat(31)}`, `s:${'b'.repeat(100)}`, 'expo']) {
    add(`source ${JSON.stringify(source)}`, { action: 'sign', source }, ErrorCode.INVALID_SOURCE)
  }
  // Over the 4 KB body limit, whatever else is wrong.
  add('huge company', { action: 'sign', company: 'x'.repeat(5000) }, ErrorCode.TOO_LARGE)
  add('huge action', { action: 'x'.repeat(5000) }, ErrorCode.TOO_LARGE)
  add('huge unknown field', { action: 'stats', pad: '质'.repeat(1400) }, ErrorCode.TOO_LARGE)
  add('huge array', { action: 'sign', company: Array.from({ length: 3000 }, () => 1) }, ErrorCode.TOO_LARGE)
  return cases
}

describe('handle: malformed requests', () => {
  const cases = malformed()
  const { store, checked, call } = setup()

  it('covers well over 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100)
  })

  it.each(cases)('%s → its code, a Chinese message, no data', async (_label, data, code) => {
    const result = await call(data)
    expect(result.code).toBe(code)
    expect(result.message).toMatch(CHINESE)
    expect(result.data).toBeNull()
  })

  it('stored nothing and asked the content check nothing', async () => {
    expect(await store.audit()).toEqual({ rows: 0, counter: 0 })
    expect(checked).toEqual([])
  })
})

describe('handle: identity', () => {
  it.each([
    ['missing', undefined], ['empty', ''], ['too long', 'o'.repeat(129)], ['not a string', 42 as unknown as string],
  ])('%s identity → 40100 and nothing stored', async (_label, identity) => {
    const { store, deps } = setup()
    const result = await handle(identity, { action: 'sign' }, deps)
    expect(result).toEqual({ code: ErrorCode.NO_IDENTITY, message: expect.stringMatching(CHINESE), data: null })
    expect(await store.audit()).toEqual({ rows: 0, counter: 0 })
  })

  it('each identity gets its own pledge', async () => {
    const { call } = setup()
    const a = await call({ action: 'sign' }, 'a')
    const b = await call({ action: 'sign' }, 'b')
    expect([(a.data as SignResult).pledge.number, (b.data as SignResult).pledge.number]).toEqual([1, 2])
    expect(((await call({ action: 'status' }, 'a')).data as StatusResult).pledge?.number).toBe(1)
  })
})

describe('handle: company normalisation', () => {
  it.each([
    ['NFC', 'Cafe\u0301 公司', 'Café 公司'],
    ['control characters stripped', '甲\u0000乙\u0007公司\u007f', '甲乙公司'],
    ['zero-width and bidi stripped', '甲\u200b乙\u202e公司', '甲乙公司'],
    ['whitespace collapsed and trimmed', '  甲  乙\t公司\n ', '甲 乙 公司'],
    ['emoji kept beside text', '🍎 质量公司', '🍎 质量公司'],
    ['digits count as text', '360', '360'],
    ['40 letters', 'a'.repeat(40), 'a'.repeat(40)],
    ['40 astral hanzi (80 UTF-16 units)', '𠀀'.repeat(40), '𠀀'.repeat(40)],
    ['41 with one stripped control char', `${'质'.repeat(40)}\u0000`, '质'.repeat(40)],
  ])('%s', async (_label, input, stored) => {
    const { call, checked } = setup()
    const result = await call({ action: 'sign', company: input })
    expect(result.code).toBe(ErrorCode.OK)
    expect((result.data as SignResult).pledge.company).toBe(stored)
    expect(checked).toEqual([stored])
  })
})

describe('handle: limits', () => {
  it(`body: ${LIMITS.bodyBytes} bytes pass the size check, one more byte does not`, async () => {
    const { call } = setup()
    const padTo = (bytes: number) => {
      const base = { action: 'status', pad: '' }
      const data = { ...base, pad: 'x'.repeat(bytes - jsonBytes(base)) }
      expect(jsonBytes(data)).toBe(bytes)
      return data
    }
    expect((await call(padTo(LIMITS.bodyBytes))).code).toBe(ErrorCode.UNKNOWN_FIELD)
    expect((await call(padTo(LIMITS.bodyBytes + 1))).code).toBe(ErrorCode.TOO_LARGE)
    // Counted in UTF-8 bytes, not characters: 1,400 hanzi are 4,200 bytes.
    expect((await call({ action: 'status', pad: '质'.repeat(1400) })).code).toBe(ErrorCode.TOO_LARGE)
  })

  it(`company: ${LIMITS.companyMaxChars} code points`, async () => {
    const { call } = setup()
    expect((await call({ action: 'sign', company: '质'.repeat(LIMITS.companyMaxChars) }, 'a')).code).toBe(ErrorCode.OK)
    const over = await call({ action: 'sign', company: '质'.repeat(LIMITS.companyMaxChars + 1) }, 'b')
    expect(over.code).toBe(ErrorCode.INVALID_COMPANY)
    expect(over.message).toContain(String(LIMITS.companyMaxChars))
  })

  it(`source: ${LIMITS.sourceMaxChars} characters`, async () => {
    const { call } = setup()
    const longest = `e:${'a'.repeat(LIMITS.sourceMaxChars - 2)}`
    expect(SOURCE_PATTERN.test(longest)).toBe(true)
    expect((await call({ action: 'sign', source: longest }, 'a')).code).toBe(ErrorCode.OK)
    expect((await call({ action: 'sign', source: `${longest}a` }, 'b')).code).toBe(ErrorCode.INVALID_SOURCE)
  })

  it(`stats: top ${LIMITS.topCompanies} companies and ${LIMITS.topSources} sources`, async () => {
    const { call } = setup()
    for (let i = 0; i < LIMITS.topCompanies + 2; i += 1) {
      await call({ action: 'sign', company: `公司${i}`, source: `s:u${i}` }, `c${i}`)
    }
    for (let i = 0; i < LIMITS.topSources + 2; i += 1) await call({ action: 'sign', source: `e:ev${i}` }, `s${i}`)
    const stats = (await call({ action: 'stats' })).data as StatsResult
    expect(stats.topCompanies).toHaveLength(LIMITS.topCompanies)
    expect(stats.sources).toHaveLength(LIMITS.topSources)
    expect(stats.total).toBe(LIMITS.topCompanies + LIMITS.topSources + 4)
  })
})

describe('handle: content security', () => {
  it.each(['review', 'risky'] as const)('%s → pledge stored without the company, and the user is told why', async (verdict) => {
    const { call } = setup(verdict)
    const result = await call({ action: 'sign', company: '某公司' })
    expect(result.code).toBe(ErrorCode.OK)
    const data = result.data as SignResult
    expect(data.companyRejected).toBe(verdict)
    expect(data.pledge).toEqual({ number: 1, company: null, companyCount: 0, pledgedAt: NOW.toISOString() })
    expect(result.message).toContain('未通过内容安全审核')
    expect(((await call({ action: 'status' })).data as StatusResult).pledge?.company).toBeNull()
  })

  it.each([
    ['throws', async (): Promise<ContentVerdict> => { throw new Error('errCode: -1 system busy') }],
    ['answers something unexpected', async () => 'unknown' as ContentVerdict],
  ])('a check that %s → unavailable, pledge still stored', async (_label, verdict) => {
    const { call, store } = setup(verdict)
    const result = await call({ action: 'sign', company: '某公司' })
    expect((result.data as SignResult).companyRejected).toBe('unavailable')
    expect(result.message).toContain('暂时无法审核')
    expect(await store.audit()).toEqual({ rows: 1, counter: 1 })
  })

  it('a repeat sign does not spend another check', async () => {
    const { call, checked } = setup()
    await call({ action: 'sign', company: '甲公司' })
    const again = await call({ action: 'sign', company: '乙公司' })
    expect(checked).toEqual(['甲公司'])
    expect(again.data).toMatchObject({ alreadyPledged: true, pledge: { company: '甲公司', number: 1 } })
  })

  it('the local word list: risky, review and pass, ignoring spaces and case', async () => {
    const check = createWordListChecker({ risky: ['Bad'], review: ['赌博'] })
    expect(await check('b a d 公司', 'x')).toBe('risky')
    expect(await check('赌 博公司', 'x')).toBe('review')
    expect(await check('质量公司', 'x')).toBe('pass')
  })
})

describe('handle: the four actions', () => {
  it('sign, status, withdraw and sign again, stats', async () => {
    const { call } = setup()
    expect(await call({ action: 'status' })).toEqual({
      code: ErrorCode.OK, message: '你还没有承诺', data: { pledge: null, total: 0 },
    })
    await call({ action: 'sign', company: '甲公司' }, 'other')
    const signed = await call({ action: 'sign', company: '甲公司', source: 'e:expo2024' })
    expect(signed).toEqual({
      code: ErrorCode.OK,
      message: '承诺成功，你是第 2 位承诺者',
      data: {
        pledge: { number: 2, company: '甲公司', companyCount: 2, pledgedAt: NOW.toISOString() },
        alreadyPledged: false, companyRejected: null, total: 2,
      },
    })
    expect(((await call({ action: 'sign' })).data as SignResult).alreadyPledged).toBe(true)
    expect((await call({ action: 'status' })).data).toMatchObject({ pledge: { number: 2 }, total: 2 })
    expect((await call({ action: 'withdraw' })).data).toEqual({ withdrawn: true, total: 1 })
    expect((await call({ action: 'withdraw' })).data).toEqual({ withdrawn: false, total: 1 })
    const again = (await call({ action: 'sign' })).data as SignResult
    expect(again.pledge.number).toBe(3)
    expect((await call({ action: 'stats' })).data).toEqual({
      total: 2, topCompanies: [{ company: '甲公司', count: 1 }], sources: [],
    })
  })

  it('a failing store → 50000, reported to onError, never thrown', async () => {
    const broken: PledgeStore = { ...createMemoryStore(), sign: async () => { throw new Error('disk full') } }
    const errors: unknown[] = []
    const result = await handle('u', { action: 'sign' }, { store: broken, contentCheck: async () => 'pass', onError: (e) => errors.push(e) })
    expect(result).toEqual({ code: ErrorCode.INTERNAL, message: expect.stringMatching(CHINESE), data: null })
    expect(errors).toHaveLength(1)
  })
})

describe('handle: shareCode', () => {
  it('takes no fields', () => {
    expect(validateRequest({ action: 'shareCode' })).toEqual({ ok: true, request: { action: 'shareCode' } })
    expect(validateRequest({ action: 'shareCode', scene: 's:abc' })).toMatchObject({ ok: false, error: { code: ErrorCode.UNKNOWN_FIELD } })
  })

  it('without a shareCode dep: my scene and no code, pledged or not, nothing stored', async () => {
    const { call, store } = setup()
    const before = await call({ action: 'shareCode' })
    expect(before).toEqual({ code: ErrorCode.OK, message: 'ok', data: { scene: sharerScene('user-1'), codeFileId: null } })
    await call({ action: 'sign' })
    expect((await call({ action: 'shareCode' })).data).toEqual(before.data)
    expect(await store.audit()).toEqual({ rows: 1, counter: 1 })
  })

  it('with a shareCode dep: asks it for my scene and returns its file ID', async () => {
    const { deps } = setup()
    const asked: string[] = []
    const shareCode = async (scene: string) => {
      asked.push(scene)
      return `cloud://env/share-codes/${scene}.png`
    }
    const result = await handle('user-2', { action: 'shareCode' }, { ...deps, shareCode })
    const scene = sharerScene('user-2')
    expect(asked).toEqual([scene])
    expect(result).toEqual({ code: ErrorCode.OK, message: 'ok', data: { scene, codeFileId: `cloud://env/share-codes/${scene}.png` } })
    expect((await handle('user-2', { action: 'shareCode' }, { ...deps, shareCode: async () => null })).data).toEqual({ scene, codeFileId: null })
  })

  it('a failing shareCode dep → still OK with my scene and no code, the error reported', async () => {
    const { deps, errors } = setup()
    const failure = new Error('errCode 45009: reach max api minute hour limit')
    const result = await handle('user-3', { action: 'shareCode' }, { ...deps, shareCode: async () => { throw failure } })
    expect(result.code).toBe(ErrorCode.OK)
    expect(result.message).toContain('暂时无法生成')
    expect(result.data as ShareCodeResult).toEqual({ scene: sharerScene('user-3'), codeFileId: null })
    expect(errors).toEqual([failure])
  })

  it('no identity → 40100, the dep never asked', async () => {
    const { deps } = setup()
    const shareCode = jest.fn(async () => 'cloud://x')
    expect((await handle(undefined, { action: 'shareCode' }, { ...deps, shareCode })).code).toBe(ErrorCode.NO_IDENTITY)
    expect(shareCode).not.toHaveBeenCalled()
  })
})
