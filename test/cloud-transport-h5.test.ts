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
