/** @jest-environment node */
import { CONTENT_CHECK_TIMEOUT_MS, createWordListChecker, WORD_LIST_VERDICTS_KEPT } from '../core/content-check'
import type { ContentChecker, ContentVerdict } from '../core/content-check'
import { BUSY_MESSAGE, handle } from '../core/handle'
import type { HandleDeps } from '../core/handle'
import { ErrorCode, EVENT_DATE_RANGE, EVENT_ID_PATTERN, LIMITS, SOURCE_PATTERN } from '../core/protocol'
import type {
  CreateEventResult, ErrorCodeValue, EventCodeResult, EventInfo, OrganiserResult, SaveNewsResult, ShareCodeResult, SignResult, StatsResult, StatusResult,
} from '../core/protocol'
import { takePublicStats } from '../core/public-stats'
import { sharerScene } from '../core/sharer'
import { createMemoryStore } from '../core/stores/memory'
import type { LimitedAction } from '../core/rate-limit'
import { StoreBusyError } from '../core/store'
import type { PledgeStore } from '../core/store'
import { checkEventDate, jsonBytes, validateRequest } from '../core/validate'

const CHINESE = /[\u4e00-\u9fff]/
const NOW = new Date('2024-09-01T08:00:00.000Z')
/** The one identity setup() treats as an admin. */
const ADMIN = 'admin-1'
const EVENT = { action: 'createEvent', name: '质量开放日', date: '2024-09-10', place: '北京市质量大厦' }

function setup (verdict: ContentVerdict | (() => Promise<ContentVerdict>) = 'pass') {
  const store = createMemoryStore()
  const checked: string[] = []
  const contentCheck: ContentChecker = async (text) => {
    checked.push(text)
    return typeof verdict === 'function' ? verdict() : verdict
  }
  const errors: unknown[] = []
  const deps: HandleDeps = { store, contentCheck, now: () => NOW, onError: (e) => errors.push(e), isAdmin: (identity) => identity === ADMIN }
  return { store, deps, checked, errors, call: (data: unknown, identity: string | undefined = 'user-1') => handle(identity, data, deps) }
}

/** Creates an event as ADMIN and returns it. */
async function createEvent (call: ReturnType<typeof setup>['call'], fields: Partial<typeof EVENT> = {}): Promise<EventInfo> {
  const result = await call({ ...EVENT, ...fields }, ADMIN)
  expect(result.code).toBe(ErrorCode.OK)
  return (result.data as CreateEventResult).event
}

type Case = [label: string, data: unknown, code: ErrorCodeValue]

function malformed (): Case[] {
  const cases: Case[] = []
  const add = (label: string, data: unknown, code: ErrorCodeValue) => cases.push([label, data, code])
  const actions = ['sign', 'status', 'withdraw', 'stats', 'shareCode', 'whoami', 'createEvent', 'getEvent', 'eventCode', 'organiser']

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
    'ShareCode', 'sharecode', 'share_code', 'shareCode ', 'WhoAmI', 'createevent', 'create_event', 'organizer', 'Organiser', 'event']) {
    add(`action ${JSON.stringify(action)}`, { action }, ErrorCode.UNKNOWN_ACTION)
  }
  // Fields an action does not take.
  for (const action of ['status', 'withdraw', 'stats', 'shareCode', 'whoami', 'organiser']) {
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
  // Events: createEvent's fields missing, of the wrong type, too long, empty after normalising.
  for (const key of ['name', 'date', 'place'] as const) {
    const without: Record<string, unknown> = { ...EVENT }
    delete without[key]
    add(`createEvent without ${key}`, without, ErrorCode.INVALID_EVENT)
    for (const value of [1, 0, true, null, [], ['x'], {}, { text: 'x' }]) {
      add(`createEvent ${key} ${JSON.stringify(value)}`, { ...EVENT, [key]: value }, ErrorCode.INVALID_EVENT)
    }
  }
  const badTexts: Array<[string, string]> = [
    ['empty', ''], ['spaces', '  \t\n'], ['zero-width only', '\u200b\ufeff'], ['emoji only', '😀🎉'], ['punctuation only', '——！！'],
    ['huge', 'x'.repeat(600)],
  ]
  for (const [label, text] of badTexts) {
    add(`createEvent name ${label}`, { ...EVENT, name: text }, ErrorCode.INVALID_EVENT)
    add(`createEvent place ${label}`, { ...EVENT, place: text }, ErrorCode.INVALID_EVENT)
  }
  add('createEvent name of 41', { ...EVENT, name: '质'.repeat(LIMITS.eventNameMaxChars + 1) }, ErrorCode.INVALID_EVENT)
  add('createEvent name of 41 astral', { ...EVENT, name: '𠀀'.repeat(LIMITS.eventNameMaxChars + 1) }, ErrorCode.INVALID_EVENT)
  add('createEvent place of 61', { ...EVENT, place: '质'.repeat(LIMITS.eventPlaceMaxChars + 1) }, ErrorCode.INVALID_EVENT)
  for (const date of ['2024-13-01', '2024-02-30', '2024-9-1', '2024-09-1', '2024-00-10', '2024-09-00', '2024-04-31', '2025-02-29',
    '2023-12-31', '2100-01-01', '0000-00-00', '9999-12-31', '2024/09/01', '20240901', '2024-09-01T08:00', ' 2024-09-01', '2024-09-01 ',
    '２０２４-09-01', '2024-O9-01', '']) {
    add(`createEvent date ${JSON.stringify(date)}`, { ...EVENT, date }, ErrorCode.INVALID_EVENT)
  }
  for (const key of ['id', 'source', 'company', 'createdBy', 'scene', 'extra']) {
    add(`createEvent with ${key}`, { ...EVENT, [key]: 'x' }, ErrorCode.UNKNOWN_FIELD)
  }
  // Event ids: missing, of the wrong type or shape, extra fields.
  for (const action of ['getEvent', 'eventCode']) {
    add(`${action} without id`, { action }, ErrorCode.INVALID_EVENT)
    for (const id of [1, 12345678, null, true, [], ['abcd1234'], {}, '', 'abc', 'abcd123', 'abcd12345', 'ABCD1234', 'abcd-123', 'abcd_123',
      'e:abcd1234', ' abcd1234', 'abcd1234\n', '质量质量质量质量', '../../..', '__proto__']) {
      add(`${action} id ${JSON.stringify(id)}`, { action, id }, ErrorCode.INVALID_EVENT)
    }
    for (const key of ['name', 'scene', 'source', 'extra']) {
      add(`${action} with ${key}`, { action, id: 'abcd1234', [key]: 'x' }, ErrorCode.UNKNOWN_FIELD)
    }
  }
  // Over the 4 KB body limit, whatever else is wrong.
  add('huge company', { action: 'sign', company: 'x'.repeat(5000) }, ErrorCode.TOO_LARGE)
  add('huge action', { action: 'x'.repeat(5000) }, ErrorCode.TOO_LARGE)
  add('huge unknown field', { action: 'stats', pad: '质'.repeat(1400) }, ErrorCode.TOO_LARGE)
  add('huge array', { action: 'sign', company: Array.from({ length: 3000 }, () => 1) }, ErrorCode.TOO_LARGE)
  add('huge event name', { ...EVENT, name: '质'.repeat(1400) }, ErrorCode.TOO_LARGE)
  return cases
}

// Sent by an admin, so a request that slipped through validation could store an event.
describe('handle: malformed requests', () => {
  const cases = malformed()
  const { store, checked, call } = setup()

  it('covers well over 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100)
  })

  it.each(cases)('%s → its code, a Chinese message, no data', async (_label, data, code) => {
    const result = await call(data, ADMIN)
    expect(result.code).toBe(code)
    expect(result.message).toMatch(CHINESE)
    expect(result.data).toBeNull()
  })

  it('stored nothing and asked the content check nothing', async () => {
    expect(await store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
    expect(await store.listEvents(1000)).toEqual([])
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
    expect(await store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
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
    for (let i = 0; i < LIMITS.topSources + 2; i += 1) await call({ action: 'sign', source: `s:ev${i}` }, `s${i}`)
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
    expect(await store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
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

  it(`the word list remembers at most ${WORD_LIST_VERDICTS_KEPT} verdicts, and a remembered one is the same verdict`, async () => {
    const check = createWordListChecker({ risky: ['坏'], review: [] })
    expect(await check('坏公司', 'x')).toBe('risky')
    expect(await check('坏公司', 'y')).toBe('risky')
    const fold = jest.spyOn(String.prototype, 'normalize')
    for (let i = 0; i < WORD_LIST_VERDICTS_KEPT; i += 1) await check(`公司${i}`, 'x')
    expect(fold).toHaveBeenCalledTimes(WORD_LIST_VERDICTS_KEPT)
    // The memory was full, so it started afresh: the first name is folded again, still risky.
    expect(await check('坏公司', 'x')).toBe('risky')
    expect(fold).toHaveBeenCalledTimes(WORD_LIST_VERDICTS_KEPT + 1)
    fold.mockRestore()
  })
})

describe('handle: content check timeout', () => {
  beforeEach(() => { jest.useFakeTimers() })
  afterEach(() => { jest.useRealTimers() })

  /** A checker with no deadline of its own, answering `verdict` (or failing) after `ms`. */
  const answersAfter = (ms: number, verdict: ContentVerdict | Error) => () => new Promise<ContentVerdict>((resolve, reject) => {
    setTimeout(() => (verdict instanceof Error ? reject(verdict) : resolve(verdict)), ms)
  })

  /** Starts a sign and tells whether it has replied yet. */
  function startSign (call: ReturnType<typeof setup>['call']) {
    const state = { settled: false }
    const reply = call({ action: 'sign', company: '某公司' }).finally(() => { state.settled = true })
    return { reply, state }
  }

  it('is at most 3 s', () => {
    expect(CONTENT_CHECK_TIMEOUT_MS).toBeGreaterThan(0)
    expect(CONTENT_CHECK_TIMEOUT_MS).toBeLessThanOrEqual(3000)
  })

  it('a check that never answers → after the timeout the pledge is stored without the company (unavailable)', async () => {
    const { call, store, errors } = setup(() => new Promise<ContentVerdict>(() => undefined))
    const { reply, state } = startSign(call)
    await jest.advanceTimersByTimeAsync(CONTENT_CHECK_TIMEOUT_MS - 1)
    expect(state.settled).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    const result = await reply
    expect(result.code).toBe(ErrorCode.OK)
    expect(result.message).toContain('暂时无法审核')
    expect(result.data).toEqual({
      pledge: { number: 1, company: null, companyCount: 0, pledgedAt: NOW.toISOString() },
      alreadyPledged: false, companyRejected: 'unavailable', total: 1,
    })
    expect(await store.get('user-1')).toMatchObject({ number: 1, company: null })
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(`${CONTENT_CHECK_TIMEOUT_MS} ms`) })])
    expect(jest.getTimerCount()).toBe(0)
  })

  it('a verdict just under the timeout counts, and its timer is cleared', async () => {
    const { call, store, errors } = setup(answersAfter(CONTENT_CHECK_TIMEOUT_MS - 1, 'pass'))
    const { reply } = startSign(call)
    await jest.advanceTimersByTimeAsync(CONTENT_CHECK_TIMEOUT_MS - 1)
    expect((await reply).data).toMatchObject({ companyRejected: null, pledge: { company: '某公司', companyCount: 1 } })
    expect(await store.get('user-1')).toMatchObject({ company: '某公司' })
    expect(errors).toEqual([])
    expect(jest.getTimerCount()).toBe(0)
  })

  it.each([
    ['a pass', 'pass' as const],
    ['a failure', new Error('errCode: -1 system busy')],
  ])('%s arriving after the timeout is ignored', async (_label, late) => {
    const { call, store, errors } = setup(answersAfter(CONTENT_CHECK_TIMEOUT_MS + 500, late))
    const { reply } = startSign(call)
    await jest.advanceTimersByTimeAsync(CONTENT_CHECK_TIMEOUT_MS)
    expect(((await reply).data as SignResult).companyRejected).toBe('unavailable')
    await jest.advanceTimersByTimeAsync(1000)
    expect(await store.get('user-1')).toMatchObject({ company: null })
    expect(await store.companyCount('某公司')).toBe(0)
    expect(errors).toHaveLength(1)
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
      message: '承诺成功，你的承诺编号是 2',
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

  it('without a makeCode dep: my scene and no code, pledged or not, nothing stored', async () => {
    const { call, store } = setup()
    const before = await call({ action: 'shareCode' })
    expect(before).toEqual({ code: ErrorCode.OK, message: 'ok', data: { scene: sharerScene('user-1'), codeFileId: null } })
    await call({ action: 'sign' })
    expect((await call({ action: 'shareCode' })).data).toEqual(before.data)
    expect(await store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
  })

  it('with a makeCode dep: asks it for my scene and returns its file ID', async () => {
    const { deps } = setup()
    const asked: string[] = []
    const makeCode = async (scene: string) => {
      asked.push(scene)
      return `cloud://env/share-codes/${scene}.png`
    }
    const result = await handle('user-2', { action: 'shareCode' }, { ...deps, makeCode })
    const scene = sharerScene('user-2')
    expect(asked).toEqual([scene])
    expect(result).toEqual({ code: ErrorCode.OK, message: 'ok', data: { scene, codeFileId: `cloud://env/share-codes/${scene}.png` } })
    expect((await handle('user-2', { action: 'shareCode' }, { ...deps, makeCode: async () => null })).data).toEqual({ scene, codeFileId: null })
  })

  it('a failing makeCode dep → still OK with my scene and no code, the error reported', async () => {
    const { deps, errors } = setup()
    const failure = new Error('errCode 45009: reach max api minute hour limit')
    const result = await handle('user-3', { action: 'shareCode' }, { ...deps, makeCode: async () => { throw failure } })
    expect(result.code).toBe(ErrorCode.OK)
    expect(result.message).toContain('暂时无法生成')
    expect(result.data as ShareCodeResult).toEqual({ scene: sharerScene('user-3'), codeFileId: null })
    expect(errors).toEqual([failure])
  })

  it('no identity → 40100, the dep never asked', async () => {
    const { deps } = setup()
    const makeCode = jest.fn(async () => 'cloud://x')
    expect((await handle(undefined, { action: 'shareCode' }, { ...deps, makeCode })).code).toBe(ErrorCode.NO_IDENTITY)
    expect(makeCode).not.toHaveBeenCalled()
  })
})

describe('handle: admins', () => {
  it('whoami: admin or not, and my sharer scene, for anyone', async () => {
    const { call, deps } = setup()
    expect(await call({ action: 'whoami' })).toEqual({ code: ErrorCode.OK, message: 'ok', data: { admin: false, scene: sharerScene('user-1') } })
    expect((await call({ action: 'whoami' }, ADMIN)).data).toEqual({ admin: true, scene: sharerScene(ADMIN) })
    expect((await handle(ADMIN, { action: 'whoami' }, { ...deps, isAdmin: undefined })).data).toEqual({ admin: false, scene: sharerScene(ADMIN) })
  })

  it.each([
    ['createEvent', EVENT, '创建活动'],
    ['eventCode', { action: 'eventCode', id: 'abcd1234' }, '小程序码'],
    ['organiser', { action: 'organiser' }, '组织者数据'],
  ])('%s by a non-admin → 40300, nothing stored, no code made', async (_action, data, says) => {
    const { call, store, deps } = setup()
    const makeCode = jest.fn(async () => 'cloud://x')
    const result = await handle('user-1', data, { ...deps, makeCode })
    expect(result).toEqual({ code: ErrorCode.FORBIDDEN, message: expect.stringContaining(says), data: null })
    expect(result.message).toContain('只有活动组织者')
    expect((await handle(ADMIN, data, { ...deps, isAdmin: undefined })).code).toBe(ErrorCode.FORBIDDEN)
    expect(makeCode).not.toHaveBeenCalled()
    expect(await store.listEvents(10)).toEqual([])
    expect((await call({ action: 'stats' })).data).toMatchObject({ total: 0 })
  })

  it('an existing event\'s code is refused to a non-admin too', async () => {
    const { call } = setup()
    const event = await createEvent(call)
    expect((await call({ action: 'eventCode', id: event.id })).code).toBe(ErrorCode.FORBIDDEN)
  })
})

describe('handle: events', () => {
  it('createEvent normalises name and place, stores who and when, and answers the event with its scene', async () => {
    const { call, store } = setup()
    const result = await call({ ...EVENT, name: '  质量\u200b开放日\t2024 ', place: '北京市\n质量大厦' }, ADMIN)
    const { event } = result.data as CreateEventResult
    expect(result).toMatchObject({ code: ErrorCode.OK, message: '已创建活动：质量开放日 2024' })
    expect(event).toEqual({ id: expect.stringMatching(EVENT_ID_PATTERN), name: '质量开放日 2024', date: '2024-09-10', place: '北京市 质量大厦', scene: `e:${event.id}` })
    expect(event.scene).toMatch(SOURCE_PATTERN)
    expect(await store.getEvent(event.id)).toEqual({
      id: event.id, name: '质量开放日 2024', date: '2024-09-10', place: '北京市 质量大厦', createdBy: ADMIN, createdAt: NOW.toISOString(),
    })
    expect(await createEvent(call)).not.toMatchObject({ id: event.id })
  })

  it('getEvent: anyone may read an event; an unknown id is no error, just null', async () => {
    const { call } = setup()
    const event = await createEvent(call)
    expect(await call({ action: 'getEvent', id: event.id }, 'visitor')).toEqual({ code: ErrorCode.OK, message: 'ok', data: { event: { ...event, count: 0 } } })
    const unknown = await call({ action: 'getEvent', id: 'zzzz9999' }, 'visitor')
    expect(unknown).toEqual({ code: ErrorCode.OK, message: expect.stringMatching(CHINESE), data: { event: null } })
  })

  it('a taken id is retried with a new one; ids taken every time → 50000, reported', async () => {
    const { deps, errors } = setup()
    const memory = createMemoryStore()
    const tried: string[] = []
    let taken = 1
    const store: PledgeStore = {
      ...memory,
      createEvent: async (event) => {
        tried.push(event.id)
        return taken-- > 0 ? false : memory.createEvent(event)
      },
    }
    const result = await handle(ADMIN, EVENT, { ...deps, store })
    expect(result.code).toBe(ErrorCode.OK)
    expect(tried).toHaveLength(2)
    expect(new Set(tried).size).toBe(2)
    expect((result.data as CreateEventResult).event.id).toBe(tried[1])

    taken = Infinity
    tried.length = 0
    expect((await handle(ADMIN, EVENT, { ...deps, store })).code).toBe(ErrorCode.INTERNAL)
    expect(tried).toHaveLength(5)
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('taken') })])
    expect(await memory.listEvents(10)).toHaveLength(1)
  })

  it(`name up to ${LIMITS.eventNameMaxChars} characters, place up to ${LIMITS.eventPlaceMaxChars}`, async () => {
    const { call } = setup()
    const longest = await createEvent(call, { name: '𠀀'.repeat(LIMITS.eventNameMaxChars), place: '质'.repeat(LIMITS.eventPlaceMaxChars) })
    expect(Array.from(longest.name)).toHaveLength(LIMITS.eventNameMaxChars)
    const name = await call({ ...EVENT, name: '质'.repeat(LIMITS.eventNameMaxChars + 1) }, ADMIN)
    expect(name).toMatchObject({ code: ErrorCode.INVALID_EVENT, message: `活动名称最多 ${LIMITS.eventNameMaxChars} 个字，现在是 ${LIMITS.eventNameMaxChars + 1} 个字` })
    const place = await call({ ...EVENT, place: '质'.repeat(LIMITS.eventPlaceMaxChars + 1) }, ADMIN)
    expect(place.message).toContain(`活动地点最多 ${LIMITS.eventPlaceMaxChars} 个字`)
  })

  it(`dates: real calendar days from ${EVENT_DATE_RANGE.first} to ${EVENT_DATE_RANGE.last}`, async () => {
    expect(EVENT_DATE_RANGE).toEqual({ first: '2024-01-01', last: '2099-12-31' })
    for (const date of [EVENT_DATE_RANGE.first, EVENT_DATE_RANGE.last, '2024-02-29', '2096-02-29', '2024-04-30', '2024-12-31']) {
      expect([date, checkEventDate(date)]).toEqual([date, null])
    }
    expect(checkEventDate('2023-12-31')).toBe('活动日期应在 2024-01-01 至 2099-12-31 之间')
    expect(checkEventDate('2100-01-01')).toBe('活动日期应在 2024-01-01 至 2099-12-31 之间')
    expect(checkEventDate('2024-02-30')).toBe('活动日期 2024-02-30 不存在')
    expect(checkEventDate('2025-02-29')).toBe('活动日期 2025-02-29 不存在')
    expect(checkEventDate('2024-13-01')).toBe('活动日期 2024-13-01 不存在')
    expect(checkEventDate('2024-9-1')).toBe('活动日期应为 YYYY-MM-DD 格式，例如 2024-09-01')
    const { call } = setup()
    expect((await createEvent(call, { date: '2024-02-29' })).date).toBe('2024-02-29')
  })

  it('the company messages are unchanged by the shared normaliser', () => {
    expect(validateRequest({ action: 'sign', company: ' ' })).toMatchObject({ error: { message: '单位名称不能为空；不填写单位请不要传 company' } })
    expect(validateRequest({ action: 'sign', company: '!!' })).toMatchObject({ error: { message: '单位名称需要包含文字或数字' } })
    expect(validateRequest({ action: 'sign', company: 'x'.repeat(41) })).toMatchObject({ error: { message: '单位名称最多 40 个字，现在是 41 个字' } })
    expect(validateRequest({ action: 'sign', company: 'x'.repeat(400) })).toMatchObject({ error: { message: '单位名称最多 40 个字' } })
  })
})

describe('handle: eventCode', () => {
  it('asks the code maker for e:<id> and answers the event with the file ID', async () => {
    const { call, deps } = setup()
    const event = await createEvent(call)
    const asked: string[] = []
    const makeCode = async (scene: string) => {
      asked.push(scene)
      return `cloud://env/share-codes/${scene}.png`
    }
    const result = await handle(ADMIN, { action: 'eventCode', id: event.id }, { ...deps, makeCode })
    expect(asked).toEqual([`e:${event.id}`])
    expect(result).toEqual({ code: ErrorCode.OK, message: 'ok', data: { event, codeFileId: `cloud://env/share-codes/e:${event.id}.png` } })
  })

  it('without a code maker (local runner): the event and no code', async () => {
    const { call } = setup()
    const event = await createEvent(call)
    expect((await call({ action: 'eventCode', id: event.id }, ADMIN)).data).toEqual({ event, codeFileId: null })
  })

  it('a failing code maker → still OK with the event and no code, the error reported', async () => {
    const { call, deps, errors } = setup()
    const event = await createEvent(call)
    const failure = new Error('errCode 45009')
    const result = await handle(ADMIN, { action: 'eventCode', id: event.id }, { ...deps, makeCode: async () => { throw failure } })
    expect(result.code).toBe(ErrorCode.OK)
    expect(result.message).toContain('暂时无法生成')
    expect(result.data as EventCodeResult).toEqual({ event, codeFileId: null })
    expect(errors).toEqual([failure])
  })

  it('an unknown id → 40401, no code made', async () => {
    const { deps } = setup()
    const makeCode = jest.fn(async () => 'cloud://x')
    const result = await handle(ADMIN, { action: 'eventCode', id: 'zzzz9999' }, { ...deps, makeCode })
    expect(result).toEqual({ code: ErrorCode.EVENT_NOT_FOUND, message: expect.stringMatching(CHINESE), data: null })
    expect(makeCode).not.toHaveBeenCalled()
  })
})

describe('handle: sign attribution', () => {
  it.each([
    ['someone else\'s share', () => sharerScene('friend'), true],
    ['my own share', () => sharerScene('user-1'), false],
    ['an unknown event', () => 'e:zzzz9999', false],
    ['an event-like source that is no event id', () => 'e:expo2024', false],
  ])('%s', async (_label, source, kept) => {
    const { call, store } = setup()
    const result = await call({ action: 'sign', source: source() })
    expect(result.code).toBe(ErrorCode.OK)
    expect((await store.get('user-1'))?.source).toBe(kept ? source() : null)
  })

  it('an existing event is kept', async () => {
    const { call, store } = setup()
    const event = await createEvent(call)
    await call({ action: 'sign', source: event.scene })
    expect((await store.get('user-1'))?.source).toBe(event.scene)
  })
})

describe('handle: organiser', () => {
  it('total, events newest first with their pledges, companies, pledges via shares, when', async () => {
    let now = NOW
    const { call, deps } = setup()
    deps.now = () => now
    const older = await createEvent(call, { name: '开幕式' })
    now = new Date('2024-09-02T08:00:00.000Z')
    const newer = await createEvent(call, { name: '质量开放日' })
    const empty = await createEvent(call, { name: '闭幕式' })
    const signs: Array<[string, Record<string, string>]> = [
      ['a', { source: older.scene, company: '甲公司' }], ['b', { source: older.scene, company: '甲公司' }], ['c', { source: newer.scene }],
      ['d', { source: sharerScene('friend'), company: '乙公司' }], ['e', { source: sharerScene('other') }], ['f', {}],
    ]
    for (const [identity, fields] of signs) expect((await call({ action: 'sign', ...fields }, identity)).code).toBe(ErrorCode.OK)
    await call({ action: 'withdraw' }, 'b')
    now = new Date('2024-09-03T10:00:00.000Z')

    const result = await call({ action: 'organiser' }, ADMIN)
    expect(result).toEqual({
      code: ErrorCode.OK,
      message: 'ok',
      data: {
        total: 5,
        // newer and empty share a createdAt: ties go by id.
        events: [
          ...[{ ...newer, count: 1 }, { ...empty, count: 0 }].sort((x, y) => (x.id < y.id ? -1 : 1)),
          { ...older, count: 1 },
        ],
        companies: [{ company: '乙公司', count: 1 }, { company: '甲公司', count: 1 }],
        viaShares: 2,
        generatedAt: '2024-09-03T10:00:00.000Z',
        hidden: [],
      },
    })
  })

  it(`lists at most ${LIMITS.organiserEvents} events and ${LIMITS.organiserCompanies} companies`, async () => {
    const { call } = setup()
    for (let i = 0; i <= LIMITS.organiserEvents; i += 1) await createEvent(call, { name: `活动${i}` })
    for (let i = 0; i <= LIMITS.organiserCompanies; i += 1) await call({ action: 'sign', company: `公司${i}` }, `c${i}`)
    const data = (await call({ action: 'organiser' }, ADMIN)).data as OrganiserResult
    expect(data.events).toHaveLength(LIMITS.organiserEvents)
    expect(data.companies).toHaveLength(LIMITS.organiserCompanies)
    expect(data.total).toBe(LIMITS.organiserCompanies + 1)
  })
})

describe('handle: a store that stays busy, and per-identity limits', () => {
  it('a StoreBusyError answers BUSY in words that say the pledge was not stored, and stores nothing', async () => {
    const { store, deps, errors } = setup()
    const busy: PledgeStore = { ...store, sign: async () => { throw new StoreBusyError('sign: 8 rounds of conflicts') } }
    const reply = await handle('user-1', { action: 'sign' }, { ...deps, store: busy })
    expect(reply).toEqual({ code: ErrorCode.BUSY, message: BUSY_MESSAGE, data: null })
    expect(reply.message).toMatch(/没有保存|还没有保存/)
    expect(errors).toHaveLength(1)
    expect(await store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
  })

  it('asks the limiter before every call and once more before a withdrawal; a refusal changes nothing', async () => {
    const { store, deps } = setup()
    const taken: Array<[string, LimitedAction]> = []
    let allowCalls = true
    let allowWithdraw = true
    const limited = { ...deps, limiter: { take: async (identity: string, action: LimitedAction) => {
      taken.push([identity, action])
      return action === 'call' ? allowCalls : allowWithdraw
    } } }
    expect((await handle('user-1', { action: 'sign' }, limited)).code).toBe(ErrorCode.OK)
    allowWithdraw = false
    const refused = await handle('user-1', { action: 'withdraw' }, limited)
    expect(refused).toEqual({ code: ErrorCode.RATE_LIMITED, message: `今天撤回次数已达 ${LIMITS.withdrawalsPerDay} 次，请明天再试`, data: null })
    expect(await store.get('user-1')).not.toBeNull()
    allowCalls = false
    expect(await handle('user-1', { action: 'status' }, limited)).toEqual({ code: ErrorCode.RATE_LIMITED, message: '操作太频繁，请稍后再试', data: null })
    expect(taken).toEqual([['user-1', 'call'], ['user-1', 'call'], ['user-1', 'withdraw'], ['user-1', 'call']])
    // A malformed request is refused before it costs a limited call.
    expect((await handle('user-1', { action: 'nope' }, limited)).code).toBe(ErrorCode.UNKNOWN_ACTION)
    expect(taken).toHaveLength(4)
  })
})

describe('handle: news organisers add, and names hidden from the public board', () => {
  const report = { action: 'saveNews', source: '人民网', title: '全国“质量月”千家企业倡议', date: '2024-09-23', link: 'https://example.org/a' }

  it('anyone lists reports; only organisers add, edit and remove them, with who and when kept', async () => {
    const { call, store } = setup()
    expect(await call({ action: 'news' })).toEqual({ code: ErrorCode.OK, message: 'ok', data: { reports: [] } })
    expect((await call(report)).code).toBe(ErrorCode.FORBIDDEN)
    const added = await call(report, ADMIN)
    expect(added.code).toBe(ErrorCode.OK)
    const { id } = (added.data as SaveNewsResult).report
    expect(id).toMatch(EVENT_ID_PATTERN)
    const edited = await call({ ...report, id, title: '改过的标题', link: undefined }, ADMIN)
    expect(edited).toEqual({ code: ErrorCode.OK, message: '已保存报道', data: { report: { id, source: '人民网', title: '改过的标题', date: '2024-09-23', link: null } } })
    expect(await store.listNews(10)).toEqual([{ id, source: '人民网', title: '改过的标题', date: '2024-09-23', link: null, updatedBy: ADMIN, updatedAt: NOW.toISOString() }])
    expect((await call({ action: 'news' }, 'someone')).data).toEqual({ reports: [{ id, source: '人民网', title: '改过的标题', date: '2024-09-23', link: null }] })
    expect((await call({ ...report, id: 'zzzz9999' }, ADMIN)).code).toBe(ErrorCode.NEWS_NOT_FOUND)
    expect((await call({ action: 'removeNews', id }, 'someone')).code).toBe(ErrorCode.FORBIDDEN)
    expect((await call({ action: 'removeNews', id }, ADMIN)).code).toBe(ErrorCode.OK)
    expect((await call({ action: 'removeNews', id }, ADMIN)).code).toBe(ErrorCode.NEWS_NOT_FOUND)
  })

  it.each<[string, Record<string, unknown>]>([
    ['an http link', { link: 'http://example.org/a' }],
    ['a link that is no URL', { link: 'example.org/a' }],
    ['a javascript: link', { link: 'javascript:alert(1)' }],
    ['a link with a space', { link: 'https://example.org/a b' }],
    [`a link over ${LIMITS.newsLinkMaxChars} characters`, { link: `https://example.org/${'a'.repeat(LIMITS.newsLinkMaxChars)}` }],
    [`a title over ${LIMITS.newsTitleMaxChars} characters`, { title: '质'.repeat(LIMITS.newsTitleMaxChars + 1) }],
    [`a source over ${LIMITS.newsSourceMaxChars} characters`, { source: '网'.repeat(LIMITS.newsSourceMaxChars + 1) }],
    ['an empty title', { title: '  ' }],
    ['a date that does not exist', { date: '2024-02-30' }],
    ['a malformed id', { id: 'ABC' }],
  ])('refuses a report with %s, storing nothing', async (_label, change) => {
    const { call, store } = setup()
    const reply = await call({ ...report, ...change }, ADMIN)
    expect(reply.code).toBe(ErrorCode.INVALID_NEWS)
    expect(reply.message).toMatch(CHINESE)
    expect(await store.listNews(10)).toEqual([])
  })

  it(`keeps at most ${LIMITS.newsReports} reports`, async () => {
    const { call } = setup()
    for (let i = 0; i < LIMITS.newsReports; i += 1) expect((await call(report, ADMIN)).code).toBe(ErrorCode.OK)
    const over = await call(report, ADMIN)
    expect(over.code).toBe(ErrorCode.INVALID_NEWS)
    expect(((await call({ action: 'news' })).data as { reports: unknown[] }).reports).toHaveLength(LIMITS.newsReports)
  })

  it('an organiser hides a name from the public board; it still counts, the organiser view lists it with who and when', async () => {
    const { call, store } = setup()
    for (const [who, company] of [['a', '甲公司'], ['b', '甲公司'], ['c', '不当名称']] as const) await call({ action: 'sign', company }, who)
    expect((await call({ action: 'hideCompany', company: '不当名称', hidden: true })).code).toBe(ErrorCode.FORBIDDEN)
    const hid = await call({ action: 'hideCompany', company: ' 不当名称 ', hidden: true }, ADMIN)
    expect(hid).toEqual({ code: ErrorCode.OK, message: '已在单位榜上隐藏“不当名称”，其承诺仍计入总数', data: { company: '不当名称', hidden: true } })
    const published = await takePublicStats(store, NOW)
    expect(published.topCompanies).toEqual([{ company: '甲公司', count: 2 }])
    expect(published.total).toBe(3)
    const view = (await call({ action: 'organiser' }, ADMIN)).data as OrganiserResult
    expect(view.hidden).toEqual([{ company: '不当名称', hiddenBy: ADMIN, hiddenAt: NOW.toISOString() }])
    expect(view.companies).toContainEqual({ company: '不当名称', count: 1 })
    expect((await call({ action: 'hideCompany', company: '不当名称', hidden: false }, ADMIN)).code).toBe(ErrorCode.OK)
    expect((await takePublicStats(store, NOW)).topCompanies).toContainEqual({ company: '不当名称', count: 1 })
    expect((await call({ action: 'hideCompany', company: '不当名称', hidden: 'yes' }, ADMIN)).code).toBe(ErrorCode.BAD_REQUEST)
  })

  it(`the public board still lists ${LIMITS.topCompanies} names when some of the top ones are hidden`, async () => {
    const { call, store } = setup()
    let n = 0
    for (let k = 0; k < LIMITS.topCompanies + 3; k += 1) {
      for (let i = 0; i <= k; i += 1) await call({ action: 'sign', company: `单位${String(k).padStart(2, '0')}` }, `p${(n += 1)}`)
    }
    for (const k of [LIMITS.topCompanies + 2, LIMITS.topCompanies + 1]) await call({ action: 'hideCompany', company: `单位${k}`, hidden: true }, ADMIN)
    const board = (await takePublicStats(store, NOW)).topCompanies
    expect(board).toHaveLength(LIMITS.topCompanies)
    expect(board[0]).toEqual({ company: `单位${LIMITS.topCompanies}`, count: LIMITS.topCompanies + 1 })
  })

  it('getEvent answers the pledges its code brought', async () => {
    const { call } = setup()
    const event = await createEvent(call)
    expect(((await call({ action: 'getEvent', id: event.id })).data as { event: { count: number } }).event.count).toBe(0)
    await call({ action: 'sign', source: event.scene }, 'visitor')
    expect((await call({ action: 'getEvent', id: event.id })).data).toEqual({ event: { ...event, count: 1 } })
  })
})

describe('handle: a content check that costs nothing', () => {
  it('is not spared on a repeat sign (no pre-read), and the repeat still changes nothing', async () => {
    const { deps, store, checked } = setup()
    const free = Object.assign(deps.contentCheck, { free: true as const })
    const reads = jest.spyOn(store, 'get')
    const first = await handle('user-1', { action: 'sign', company: '甲公司' }, { ...deps, contentCheck: free })
    expect(reads).not.toHaveBeenCalled()
    const again = await handle('user-1', { action: 'sign', company: '乙公司' }, { ...deps, contentCheck: free })
    expect(checked).toEqual(['甲公司', '乙公司'])
    expect(again.data).toMatchObject({ alreadyPledged: true, pledge: { company: '甲公司', companyCount: 1 } })
    expect(first.data).toMatchObject({ pledge: { companyCount: 1 } })
  })
})
