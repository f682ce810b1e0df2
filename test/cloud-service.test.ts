import { ErrorCode } from '../cloud/core/protocol'
import { CloudError, NETWORK_ERROR_CODE, RETRY_DELAYS_MS, callFunction } from '@/services/cloud'

const ok = (data: unknown) => ({ json: async () => ({ code: 0, message: 'ok', data }), status: 200 })
const reply = (body: unknown) => ({ json: async () => body, status: 200 })
const offline = () => Promise.reject(new TypeError('Failed to fetch'))

let fetchMock: jest.Mock
const delays: number[] = []
const delay = async (ms: number) => { delays.push(ms) }

beforeEach(() => {
  fetchMock = jest.fn()
  global.fetch = fetchMock as unknown as typeof fetch
  delays.length = 0
})

test('posts the data to /api/<name> and returns the function data', async () => {
  fetchMock.mockResolvedValueOnce(ok({ pledge: null, total: 7 }))
  await expect(callFunction('pledge', { action: 'status' }, delay)).resolves.toEqual({ pledge: null, total: 7 })
  const [url, init] = fetchMock.mock.calls[0]
  expect(url).toBe('/api/pledge')
  expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' })
  expect(JSON.parse(init.body)).toEqual({ action: 'status' })
})

test('retries network failures with backoff, then succeeds', async () => {
  fetchMock.mockImplementationOnce(offline).mockImplementationOnce(offline).mockResolvedValueOnce(ok({ total: 1 }))
  await expect(callFunction('pledge', { action: 'stats' }, delay)).resolves.toEqual({ total: 1 })
  expect(fetchMock).toHaveBeenCalledTimes(3)
  expect(delays).toEqual([...RETRY_DELAYS_MS])
})

test('gives up after the last retry with a retryable CloudError', async () => {
  fetchMock.mockImplementation(offline)
  const error = await callFunction('pledge', { action: 'status' }, delay).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(CloudError)
  expect(error).toMatchObject({ code: NETWORK_ERROR_CODE, retryable: true, message: '网络不给力，请检查网络后重试' })
  expect(fetchMock).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1)
})

test('a reply that is not JSON counts as a network failure', async () => {
  fetchMock.mockResolvedValueOnce({ status: 502, json: async () => { throw new SyntaxError('<html>') } })
    .mockResolvedValueOnce(ok({ total: 2 }))
  await expect(callFunction('pledge', { action: 'stats' }, delay)).resolves.toEqual({ total: 2 })
  expect(delays).toEqual([RETRY_DELAYS_MS[0]])
})

test('a validation error is thrown at once with its code and message, never retried', async () => {
  fetchMock.mockResolvedValue(reply({ code: ErrorCode.INVALID_COMPANY, message: '单位名称需要包含文字或数字', data: null }))
  const error = await callFunction('pledge', { action: 'sign', company: '!!!' }, delay).catch((e: unknown) => e)
  expect(error).toMatchObject({ code: ErrorCode.INVALID_COMPANY, retryable: false, message: '单位名称需要包含文字或数字' })
  expect(fetchMock).toHaveBeenCalledTimes(1)
  expect(delays).toEqual([])
})

test('a reply without the { code, message } shape is an error, not data', async () => {
  fetchMock.mockResolvedValue(reply({ total: 3 }))
  await expect(callFunction('pledge', { action: 'stats' }, delay)).rejects.toMatchObject({ code: ErrorCode.INTERNAL, retryable: false })
  expect(fetchMock).toHaveBeenCalledTimes(1)
})
