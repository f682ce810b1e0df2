import type { WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const APP = { pages: ['pages/index/index', 'pages/news/index'], tabs: ['pages/index/index'] }
const loadWayBack = (launch: WxFakeOptions['launch']) => onWeapp(() => import('@/services/way-back'), { app: APP, launch })

test('a page opened first (a shared card, a code) leads to 首页 by switchTab', async () => {
  const { fake, wayBack } = await loadWayBack({ path: 'pages/news/index', query: { id: 'n1' }, scene: 1007 })
  const way = wayBack()
  expect(way?.to).toBe('home')
  await expect(way?.go()).resolves.toBe(true)
  expect(fake.record.routes).toEqual([{ api: 'switchTab', url: '/pages/index/index' }])
  expect(fake.getCurrentPages()).toEqual([{ route: 'pages/index/index' }])
})

test('with a page below, WeChat\'s own back button is the way: nothing to add', async () => {
  const { fake, wayBack } = await loadWayBack({ path: 'pages/index/index' })
  await fake.wx.navigateTo({ url: '/pages/news/index?id=n1' })
  expect(wayBack()).toBeNull()
})

test('Moments\' single-page mode cannot navigate: nothing to add', async () => {
  const { wayBack } = await loadWayBack({ path: 'pages/news/index', scene: 1154 })
  expect(wayBack()).toBeNull()
})
