import Taro from '@tarojs/taro'
import { parseScene } from '../cloud/core/scene'
import { shareQuery } from '@/hooks/use-page-share'
import { ARRIVAL_TTL_MS, clearArrival, mySharerScene, readArrival, rememberArrival } from '@/services/attribution'

describe('parseScene', () => {
  test.each([
    ['e:a1b2c3d4', { kind: 'event', id: 'a1b2c3d4', source: 'e:a1b2c3d4' }],
    ['s:ILHnmVRMlN', { kind: 'sharer', id: 'ILHnmVRMlN', source: 's:ILHnmVRMlN' }],
    // WeChat hands a code's scene over URL-encoded; a share path may encode it twice.
    ['e%3Aa1b2c3d4', { kind: 'event', id: 'a1b2c3d4', source: 'e:a1b2c3d4' }],
    ['s%253AILHnmVRMlN', { kind: 'sharer', id: 'ILHnmVRMlN', source: 's:ILHnmVRMlN' }],
    // An event id that exists nowhere still parses: the lookup (getEvent → null) ignores it.
    ['e:zzzzzzzz', { kind: 'event', id: 'zzzzzzzz', source: 'e:zzzzzzzz' }],
  ])('valid: %s', (raw, scene) => {
    expect(parseScene(raw)).toEqual(scene)
  })

  test.each([
    ['empty', ''],
    ['undefined', undefined],
    ['a number', 42],
    ['too long (33 characters)', `s:${'a'.repeat(31)}`],
    ['too long once decoded twice', `s%253A${'a'.repeat(40)}`],
    ['wrong alphabet', 's:质量月'],
    ['a space inside', 's:abc def'],
    ['an unknown kind', 'x:abcdef'],
    ['no id', 'e:'],
    ['an event id of the wrong shape', 'e:ABCDEFGH'],
    ['an event id too short', 'e:abc'],
    ['broken percent-encoding', 's%3Aabc%E0%A4%A'],
    ['path characters', 's:../../x'],
  ])('ignored: %s', (_label, raw) => {
    expect(parseScene(raw)).toBeNull()
  })
})

describe('arrival', () => {
  beforeEach(() => localStorage.clear())

  test('the latest valid scene wins; junk never replaces it', () => {
    rememberArrival('s:firstshare', 1000)
    rememberArrival('e%3Aa1b2c3d4', 2000)
    expect(rememberArrival('not a scene', 3000)).toBeNull()
    expect(readArrival(3000)).toEqual({ kind: 'event', id: 'a1b2c3d4', source: 'e:a1b2c3d4' })
  })

  test(`expires after ARRIVAL_TTL_MS (${ARRIVAL_TTL_MS / 86_400_000} days)`, () => {
    rememberArrival('s:firstshare', 0)
    expect(readArrival(ARRIVAL_TTL_MS)).not.toBeNull()
    expect(readArrival(ARRIVAL_TTL_MS + 1)).toBeNull()
  })

  test('clearArrival forgets it', () => {
    rememberArrival('s:firstshare')
    clearArrival()
    expect(readArrival()).toBeNull()
  })
})

describe('share query', () => {
  beforeEach(() => localStorage.clear())

  test('without a known sharer scene, only the page query', () => {
    expect(mySharerScene()).toBeNull()
    expect(shareQuery('id=n1')).toBe('id=n1')
    expect(shareQuery()).toBe('')
  })

  test('with one, every share carries it, encoded', () => {
    // What getWhoAmI keeps once the function has answered.
    Taro.setStorageSync('attribution:sharer', 's:ILHnmVRMlN')
    const scene = mySharerScene()
    expect(scene).toBe('s:ILHnmVRMlN')
    expect(shareQuery('id=n1')).toBe('id=n1&scene=s%3AILHnmVRMlN')
    expect(parseScene(new URLSearchParams(shareQuery()).get('scene'))?.source).toBe('s:ILHnmVRMlN')
  })
})
