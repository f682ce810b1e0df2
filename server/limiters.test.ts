/** @jest-environment node */
import { createRateLimiter, createWindowLimiter, DEFAULT_NEW_SESSIONS_PER_MINUTE, DEFAULT_RATE_LIMIT, NEW_SESSIONS_WINDOW_MS } from './limiters'

test('the explicit defaults: writes 5/s with a burst of 20, 30 new identities a minute', () => {
  expect(DEFAULT_RATE_LIMIT).toEqual({ perSecond: 5, burst: 20 })
  expect(DEFAULT_NEW_SESSIONS_PER_MINUTE).toBe(30)
  expect(NEW_SESSIONS_WINDOW_MS).toBe(60_000)
})

describe('window limiter', () => {
  it('allows at most `count` in any window, not a second burst after the first', () => {
    let now = 0
    const take = createWindowLimiter(3, 60_000, () => now)
    expect([take('a'), take('a'), take('a'), take('a')]).toEqual([true, true, true, false])
    now = 30_000
    expect(take('a')).toBe(false)
    now = 59_999
    expect(take('a')).toBe(false)
    now = 60_000
    expect([take('a'), take('a'), take('a'), take('a')]).toEqual([true, true, true, false])
  })

  it('a refused take does not count; keys are separate', () => {
    let now = 0
    const take = createWindowLimiter(1, 1000, () => now)
    expect(take('a')).toBe(true)
    for (let i = 0; i < 5; i += 1) expect(take('a')).toBe(false)
    expect(take('b')).toBe(true)
    now = 1000
    expect(take('a')).toBe(true)
  })

  it('false means no limit', () => {
    const take = createWindowLimiter(false, 60_000)
    for (let i = 0; i < 1000; i += 1) expect(take('a')).toBe(true)
  })
})

test('token bucket: false means no limit', () => {
  const take = createRateLimiter(false)
  for (let i = 0; i < 1000; i += 1) expect(take('a')).toBe(true)
})
