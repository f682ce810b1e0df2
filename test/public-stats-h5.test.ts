import type { PublicStats } from '../cloud/core/protocol'
import { readPublicStats } from '@/services/public-stats'

const STATS: PublicStats = { total: 7, topCompanies: [{ company: '示范企业', count: 2 }], sources: [], updatedAt: '2024-09-12T08:00:20.000Z' }
const answer = (status: number, body: unknown) => ({ status, json: async () => body })

let fetchMock: jest.Mock
beforeEach(() => {
  fetchMock = jest.fn()
  global.fetch = fetchMock as unknown as typeof fetch
})

test('GETs /api/public/stats from the local runner and answers the document', async () => {
  fetchMock.mockResolvedValueOnce(answer(200, STATS))
  await expect(readPublicStats()).resolves.toEqual(STATS)
  const [url, init] = fetchMock.mock.calls[0]
  expect(url).toBe('/api/public/stats')
  expect(init).toMatchObject({ credentials: 'same-origin' })
  expect(init.method ?? 'GET').toBe('GET')
})

test.each([
  ['the runner failing', () => Promise.resolve(answer(500, { code: 50000, message: '统计暂时不可用，请稍后再试', data: null })), 'HTTP 500'],
  ['no connection', () => Promise.reject(new TypeError('Failed to fetch')), 'Failed to fetch'],
  ['a body that is not the document', () => Promise.resolve(answer(200, { code: 0, message: 'ok', data: STATS })), 'not a PublicStats document'],
])('%s rejects', async (_, reply, message) => {
  fetchMock.mockImplementationOnce(reply)
  await expect(readPublicStats()).rejects.toThrow(message)
})
