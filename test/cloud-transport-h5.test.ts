import { invoke } from '@/services/cloud-transport'

test('calls wait for the first one to answer, so a new browser gets one identity, not one per call', async () => {
  const started: string[] = []
  let answerFirst = () => {}
  global.fetch = jest.fn((_url: string, init: { body: string }) => {
    const { action } = JSON.parse(init.body)
    started.push(action)
    const reply = { status: 200, json: async () => ({ code: 0, message: 'ok', data: { action } }) }
    if (action === 'status') return new Promise((resolve) => { answerFirst = () => resolve(reply) })
    return Promise.resolve(reply)
  }) as unknown as typeof fetch

  const first = invoke('pledge', { action: 'status' })
  const second = invoke('pledge', { action: 'whoami' })
  const third = invoke('pledge', { action: 'getEvent', id: 'a1b2c3d4' })
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(started).toEqual(['status'])
  answerFirst()
  await Promise.all([first, second, third])
  expect(started).toEqual(['status', 'whoami', 'getEvent'])

  // Once the identity exists, calls go out together.
  started.length = 0
  await Promise.all([invoke('pledge', { action: 'stats' }), invoke('pledge', { action: 'whoami' })])
  expect(started).toEqual(['stats', 'whoami'])
})

test('a first call that fails leaves the next call to go first', async () => {
  jest.resetModules()
  const { invoke: freshInvoke } = await import('@/services/cloud-transport')
  global.fetch = jest.fn(async () => { throw new TypeError('Failed to fetch') }) as unknown as typeof fetch
  await expect(freshInvoke('pledge', { action: 'status' })).rejects.toThrow('Failed to fetch')
  global.fetch = jest.fn(async () => ({ status: 200, json: async () => ({ code: 0, message: 'ok', data: null }) })) as unknown as typeof fetch
  await expect(freshInvoke('pledge', { action: 'status' })).resolves.toEqual({ code: 0, message: 'ok', data: null })
})

describe('the boot script\'s early call (config/h5-startup/prerender.mjs, 承诺 page)', () => {
  afterEach(() => { delete window.__qmEarlyCall })

  /** A fresh module seeing an early `status` in flight, answered by `answer()`. */
  async function withEarlyStatus () {
    jest.resetModules()
    let answer: (reply: unknown) => void = () => {}
    let fail: (error: Error) => void = () => {}
    window.__qmEarlyCall = { name: 'pledge', body: '{"action":"status"}', reply: new Promise((resolve, reject) => { answer = resolve; fail = reject }) }
    const started: string[] = []
    global.fetch = jest.fn(async (_url: string, init: { body: string }) => {
      started.push(JSON.parse(init.body).action)
      return { status: 200, json: async () => ({ code: 0, message: 'ok', data: 'fetched' }) }
    }) as unknown as typeof fetch
    const { invoke: fresh } = await import('@/services/cloud-transport')
    return { invoke: fresh, started, answer: (reply: unknown) => answer(reply), fail: (error: Error) => fail(error) }
  }

  test('the app\'s status takes its reply instead of asking again; other calls wait for its identity', async () => {
    const { invoke: fresh, started, answer } = await withEarlyStatus()
    const whoami = fresh('pledge', { action: 'whoami' })
    const status = fresh('pledge', { action: 'status' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(started).toEqual([])
    answer({ code: 0, message: 'ok', data: 'early' })
    await expect(status).resolves.toEqual({ code: 0, message: 'ok', data: 'early' })
    await expect(whoami).resolves.toEqual({ code: 0, message: 'ok', data: 'fetched' })
    expect(started).toEqual(['whoami'])
    // Taken once: the next status is a new question.
    await fresh('pledge', { action: 'status' })
    expect(started).toEqual(['whoami', 'status'])
  })

  test('an early call that never reached the runner is a NetworkError for status, and the next call brings the identity', async () => {
    const { invoke: fresh, started, fail } = await withEarlyStatus()
    const status = fresh('pledge', { action: 'status' })
    fail(new TypeError('Failed to fetch'))
    await expect(status).rejects.toMatchObject({ name: 'NetworkError', message: 'Failed to fetch' })
    await fresh('pledge', { action: 'whoami' })
    expect(started).toEqual(['whoami'])
  })

  test('a different call is not the early one', async () => {
    const { invoke: fresh, started, answer } = await withEarlyStatus()
    answer({ code: 0, message: 'ok', data: 'early' })
    await expect(fresh('pledge', { action: 'getEvent', id: 'a1b2c3d4' })).resolves.toMatchObject({ data: 'fetched' })
    expect(started).toEqual(['getEvent'])
    expect(window.__qmEarlyCall).toBeDefined()
  })
})
