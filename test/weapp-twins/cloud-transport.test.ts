import { ErrorCode } from '../../cloud/core/protocol'
import type { WxFakeOptions } from '../support/wx-fake'
import { answers } from './cloud-replies'
import { onWeapp } from './taro-weapp'

const loadTransport = (options: WxFakeOptions = {}) => onWeapp(async () => ({
  ...(await import('@/services/cloud-transport')),
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
    const configured = await loadTransport()
    configured.initCloud()
    expect(configured.fake.record.calls.filter((call) => call.api === 'cloud.init').map((call) => call.args)).toEqual([{ env: 'qm-prod-7g2k', traceUser: true }])

    process.env.TARO_APP_CLOUD_ENV = ''
    const unset = await loadTransport()
    unset.initCloud()
    expect(unset.fake.record.calls.find((call) => call.api === 'cloud.init')?.args).toEqual({ env: undefined, traceUser: true })
  })

  test('callFunction resolves with the function\'s data, asking wx.cloud once', async () => {
    const { fake, initCloud, callFunction } = await loadTransport({ cloud: answers({ status: STATUS }) })
    initCloud()

    await expect(callFunction('pledge', { action: 'status' })).resolves.toEqual(STATUS)
    expect(fake.record.cloudCalls).toEqual([{ name: 'pledge', data: { action: 'status' } }])
  })

  test('a coded error is a CloudError with its code and message, not retryable, and is not retried', async () => {
    const { fake, initCloud, callFunction, CloudError } = await loadTransport({ cloud: answers({}) })
    initCloud()
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
    const { fake, initCloud, invoke, callFunction, CloudError, RETRY_DELAYS_MS, NETWORK_ERROR_CODE } = await loadTransport(options)
    initCloud()
    // The transport turns WeChat's failure into a NetworkError carrying its errMsg.
    await expect(invoke('pledge', { action: 'status' })).rejects.toMatchObject({ name: 'NetworkError', message: errMsg })
    fake.record.calls.length = 0
    const waits: number[] = []

    const error = await callFunction('pledge', { action: 'status' }, async (ms) => { waits.push(ms) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: NETWORK_ERROR_CODE, message: '网络不给力，请检查网络后重试', retryable: true })
    expect(waits).toEqual([...RETRY_DELAYS_MS])
    expect(fake.record.calls.filter((call) => call.api === 'cloud.callFunction')).toHaveLength(RETRY_DELAYS_MS.length + 1)
  })

  test('a connection back before the last retry: the call succeeds', async () => {
    const { fake, initCloud, callFunction } = await loadTransport({ network: 'none', cloud: answers({ status: STATUS }) })
    initCloud()

    await expect(callFunction('pledge', { action: 'status' }, async () => { fake.setNetwork('wifi') })).resolves.toEqual(STATUS)
    expect(fake.record.cloudCalls).toHaveLength(1)
  })
})
