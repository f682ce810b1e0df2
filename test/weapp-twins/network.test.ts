import type { WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const load = (options: WxFakeOptions = {}) => onWeapp(() => import('@/services/network'), options)

test('isOnline follows getNetworkType; onOnline calls back when the connection returns, until unsubscribed', async () => {
  const { fake, isOnline, onOnline } = await load({ network: 'none' })
  await expect(isOnline()).resolves.toBe(false)
  const online = jest.fn()
  const unsubscribe = onOnline(online)

  fake.setNetwork('4g')
  await expect(isOnline()).resolves.toBe(true)
  expect(online).toHaveBeenCalledTimes(1)
  fake.setNetwork('none')
  expect(online).toHaveBeenCalledTimes(1)

  unsubscribe()
  fake.setNetwork('wifi')
  expect(online).toHaveBeenCalledTimes(1)
})
