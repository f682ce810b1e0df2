import { PUBLIC_STATS } from '../../cloud/core/protocol'
import type { PublicStats } from '../../cloud/core/protocol'
import type { DatabaseReader, WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const STATS: PublicStats = {
  total: 1234,
  topCompanies: [{ company: '示范企业', count: 12 }],
  sources: [{ source: 'e:k2m9q4w1', count: 40 }],
  updatedAt: '2024-09-12T08:00:20.000Z',
}
const stored = (doc: Record<string, unknown>): DatabaseReader => async (collection, id) =>
  (collection === PUBLIC_STATS.collection && id === PUBLIC_STATS.doc ? doc : null)

async function loadPublicStats (options: WxFakeOptions, { init = true } = {}) {
  const loaded = await onWeapp(async () => ({
    ...(await import('@/services/public-stats')),
    ...(await import('@/services/cloud-transport')),
  }), options)
  if (init) loaded.initCloud()
  return loaded
}

test('reads public/stats with the database API (no function call) and answers the counts without _id', async () => {
  const { fake, readPublicStats } = await loadPublicStats({ database: stored({ ...STATS }) })

  await expect(readPublicStats()).resolves.toEqual(STATS)
  expect(fake.record.databaseReads).toEqual([{ collection: 'public', doc: 'stats', at: expect.any(Number) }])
  expect(fake.record.cloudCalls).toEqual([])
})

test('a missing document rejects as WeChat rejects it', async () => {
  const { readPublicStats } = await loadPublicStats({ database: async () => null })

  await expect(readPublicStats()).rejects.toMatchObject({
    errCode: -1,
    errMsg: 'document.get:fail document with _id stats does not exist; at document.get api; ',
  })
})

test.each([
  ['offline', { network: 'none' as const, database: stored({ ...STATS }) }, true, 'document.get:fail request:fail'],
  ['before cloud.init', { database: stored({ ...STATS }) }, false, 'document.get:fail Cloud API isn\'t enabled, please call wx.cloud.init first'],
])('%s: rejects with WeChat\'s failure', async (_, options, init, errMsg) => {
  const { readPublicStats } = await loadPublicStats(options, { init })
  await expect(readPublicStats()).rejects.toMatchObject({ errMsg })
})

test.each([
  ['no updatedAt', { total: 3, topCompanies: [], sources: [] }],
  ['a total that is not a count', { ...STATS, total: '3' }],
  ['an unreadable date', { ...STATS, updatedAt: 'yesterday' }],
  ['lists missing', { total: 3, updatedAt: STATS.updatedAt }],
])('a document with %s is refused, not shown', async (_, doc) => {
  const { readPublicStats } = await loadPublicStats({ database: stored(doc) })
  await expect(readPublicStats()).rejects.toThrow('not a PublicStats document')
})
