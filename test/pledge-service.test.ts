import { ErrorCode } from '../cloud/core/protocol'
import { CloudError } from '@/services/cloud'
import { BUSY_RETRY_MS, getPledgeStatus, signPledge } from '@/services/pledge'

const PLEDGE = { number: 7, company: null, companyCount: 0, pledgedAt: '2024-09-12T08:00:00.000Z' }
const SIGNED = { pledge: PLEDGE, alreadyPledged: false, companyRejected: null, total: 7 }
const BUSY = { code: ErrorCode.BUSY, message: '现在承诺的人很多，你的承诺还没有保存，请稍后再试', data: null }
const reply = (body: unknown) => ({ status: 200, json: async () => body })

let fetchMock: jest.Mock
const waits: number[] = []
const delay = async (ms: number) => { waits.push(ms) }
const sent = () => fetchMock.mock.calls.map(([, init]) => JSON.parse(init.body))

beforeEach(() => {
  fetchMock = jest.fn()
  global.fetch = fetchMock as unknown as typeof fetch
  waits.length = 0
})

test('a BUSY sign is sent once more, the same sign, after a jittered wait within BUSY_RETRY_MS', async () => {
  fetchMock.mockResolvedValueOnce(reply(BUSY)).mockResolvedValueOnce(reply({ code: 0, message: 'ok', data: SIGNED }))
  await expect(signPledge({ company: '示范企业', source: 'e:k2m9q4w1' }, delay)).resolves.toEqual(SIGNED)
  expect(sent()).toEqual([
    { action: 'sign', company: '示范企业', source: 'e:k2m9q4w1' },
    { action: 'sign', company: '示范企业', source: 'e:k2m9q4w1' },
  ])
  expect(waits).toHaveLength(1)
  expect(waits[0]).toBeGreaterThanOrEqual(BUSY_RETRY_MS.min)
  expect(waits[0]).toBeLessThanOrEqual(BUSY_RETRY_MS.max)
})

test('the wait is jittered over the whole range', async () => {
  const random = jest.spyOn(Math, 'random')
  try {
    for (const value of [0, 0.999]) {
      random.mockReturnValueOnce(value)
      fetchMock.mockResolvedValueOnce(reply(BUSY)).mockResolvedValueOnce(reply({ code: 0, message: 'ok', data: SIGNED }))
      await signPledge({}, delay)
    }
  } finally {
    random.mockRestore()
  }
  expect(waits[0]).toBe(BUSY_RETRY_MS.min)
  expect(waits[1]).toBeGreaterThan(BUSY_RETRY_MS.max - 1)
  expect(waits[1]).toBeLessThan(BUSY_RETRY_MS.max)
})

test('a second BUSY is thrown with the function\'s message: only one retry', async () => {
  fetchMock.mockResolvedValue(reply(BUSY))
  const error = await signPledge({}, delay).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(CloudError)
  expect(error).toMatchObject({ code: ErrorCode.BUSY, message: BUSY.message, retryable: false })
  expect(fetchMock).toHaveBeenCalledTimes(2)
})

test.each([
  ['RATE_LIMITED', ErrorCode.RATE_LIMITED],
  ['INTERNAL', ErrorCode.INTERNAL],
  ['INVALID_COMPANY', ErrorCode.INVALID_COMPANY],
])('a sign answered %s is not retried', async (_, code) => {
  fetchMock.mockResolvedValue(reply({ code, message: '不行', data: null }))
  await expect(signPledge({}, delay)).rejects.toMatchObject({ code })
  expect(fetchMock).toHaveBeenCalledTimes(1)
  expect(waits).toEqual([])
})

test('only sign is retried this way: a BUSY status is thrown at once', async () => {
  fetchMock.mockResolvedValue(reply(BUSY))
  await expect(getPledgeStatus()).rejects.toMatchObject({ code: ErrorCode.BUSY })
  expect(fetchMock).toHaveBeenCalledTimes(1)
})
