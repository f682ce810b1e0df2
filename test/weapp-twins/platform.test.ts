import { ErrorCode } from '../../cloud/core/protocol'
import type { WxFakeOptions } from '../support/wx-fake'
import { answers } from './cloud-replies'
import { onWeapp } from './taro-weapp'

const loadPlatform = (options: WxFakeOptions = {}) => onWeapp(async () => ({
  ...(await import('@/services/platform')),
  ...(await import('@/services/cloud')),
}), options)

const STATUS = { pledge: null, total: 12 }

describe('cloud', () => {
  const env = process.env.TARO_APP_CLOUD_ENV
  afterEach(() => {
    if (env === undefined) delete process.env.TARO_APP_CLOUD_ENV
    else process.env.TARO_APP_CLOUD_ENV = env
  })

  test('cloud.init gets the configured environment and traceUser; no env configured → the appid\'s default', async () => {
    process.env.TARO_APP_CLOUD_ENV = 'qm-prod-7g2k'
    const configured = await loadPlatform()
    configured.platform.initCloud()
    expect(configured.fake.record.calls.filter((call) => call.api === 'cloud.init').map((call) => call.args)).toEqual([{ env: 'qm-prod-7g2k', traceUser: true }])

    process.env.TARO_APP_CLOUD_ENV = ''
    const unset = await loadPlatform()
    unset.platform.initCloud()
    expect(unset.fake.record.calls.find((call) => call.api === 'cloud.init')?.args).toEqual({ env: undefined, traceUser: true })
  })

  test('callFunction resolves with the function\'s data, asking wx.cloud once', async () => {
    const { fake, platform, callFunction } = await loadPlatform({ cloud: answers({ status: STATUS }) })
    platform.initCloud()

    await expect(callFunction('pledge', { action: 'status' })).resolves.toEqual(STATUS)
    expect(fake.record.cloudCalls).toEqual([{ name: 'pledge', data: { action: 'status' } }])
  })

  test('a coded error is a CloudError with its code and message, not retryable, and is not retried', async () => {
    const { fake, platform, callFunction, CloudError } = await loadPlatform({ cloud: answers({}) })
    platform.initCloud()
    const waits: number[] = []

    const error = await callFunction('pledge', { action: 'status' }, async (ms) => { waits.push(ms) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: ErrorCode.UNKNOWN_ACTION, message: '未知操作 status', retryable: false })
    expect(fake.record.cloudCalls).toHaveLength(1)
    expect(waits).toEqual([])
  })

  test.each([
    ['offline', { network: 'none' as const, cloud: answers({ status: STATUS }) }, 'cloud.callFunction:fail request:fail'],
    ['the call itself failing (function not deployed)', {}, 'cloud.callFunction:fail FunctionName parameter could not be found (pledge)'],
  ])('%s: retried after each RETRY_DELAYS_MS wait, then a retryable CloudError', async (_, options, errMsg) => {
    const { fake, platform, callFunction, CloudError, RETRY_DELAYS_MS, NETWORK_ERROR_CODE } = await loadPlatform(options)
    platform.initCloud()
    // The platform turns WeChat's failure into a NetworkError carrying its errMsg.
    await expect(platform.invoke('pledge', { action: 'status' })).rejects.toMatchObject({ name: 'NetworkError', message: errMsg })
    fake.record.calls.length = 0
    const waits: number[] = []

    const error = await callFunction('pledge', { action: 'status' }, async (ms) => { waits.push(ms) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: NETWORK_ERROR_CODE, message: '网络不给力，请检查网络后重试', retryable: true })
    expect(waits).toEqual([...RETRY_DELAYS_MS])
    expect(fake.record.calls.filter((call) => call.api === 'cloud.callFunction')).toHaveLength(RETRY_DELAYS_MS.length + 1)
  })

  test('a connection back before the last retry: the call succeeds', async () => {
    const { fake, platform, callFunction } = await loadPlatform({ network: 'none', cloud: answers({ status: STATUS }) })
    platform.initCloud()

    await expect(callFunction('pledge', { action: 'status' }, async () => { fake.setNetwork('wifi') })).resolves.toEqual(STATUS)
    expect(fake.record.cloudCalls).toHaveLength(1)
  })
})

test('launchScene is the launch\'s scene; entryScene the latest entry\'s raw query.scene (a hot start changes it)', async () => {
  const { fake, platform } = await loadPlatform({ launch: { path: 'pages/pledge/index', scene: 1047, query: { scene: 's%3AAb3_x-9' } } })
  expect(platform.launchScene()).toBe(1047)
  expect(platform.entryScene()).toBe('s%3AAb3_x-9')

  fake.reenter({ scene: 1011, query: { scene: 'e%3Ak2m9q4w1' } })
  expect(platform.launchScene()).toBe(1047)
  expect(platform.entryScene()).toBe('e%3Ak2m9q4w1')

  fake.reenter({ scene: 1089 })
  expect(platform.entryScene()).toBeUndefined()
})

test('systemFontSize is WeChat\'s fontSizeSetting (getAppBaseInfo)', async () => {
  const { platform } = await loadPlatform({ fontSizeSetting: 22 })
  expect(platform.systemFontSize()).toBe(22)
})

test('isOnline follows getNetworkType; onOnline calls back when the connection returns, until unsubscribed', async () => {
  const { fake, platform } = await loadPlatform({ network: 'none' })
  await expect(platform.isOnline()).resolves.toBe(false)
  const online = jest.fn()
  const unsubscribe = platform.onOnline(online)

  fake.setNetwork('4g')
  await expect(platform.isOnline()).resolves.toBe(true)
  expect(online).toHaveBeenCalledTimes(1)
  fake.setNetwork('none')
  expect(online).toHaveBeenCalledTimes(1)

  unsubscribe()
  fake.setNetwork('wifi')
  expect(online).toHaveBeenCalledTimes(1)
})
