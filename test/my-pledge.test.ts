import Taro from '@tarojs/taro'
import { readMyPledge, rememberMyPledge } from '@/services/my-pledge'

beforeEach(() => {
  localStorage.clear()
  jest.restoreAllMocks()
})

test('never learnt here: unknown (null)', () => {
  expect(readMyPledge()).toBeNull()
})

test('keeps my number, or that I have no pledge', () => {
  rememberMyPledge({ number: 12 })
  expect(readMyPledge()).toEqual({ signed: true, number: 12 })
  rememberMyPledge(null)
  expect(readMyPledge()).toEqual({ signed: false })
})

test.each([
  ['a string', 'signed'],
  ['signed without a number', { signed: true }],
  ['a number that is no pledge number', { signed: true, number: 0 }],
  ['a fraction', { signed: true, number: 1.5 }],
  ['anything else', { signed: 'yes', number: 3 }],
])('%s reads as unknown', (_, saved) => {
  Taro.setStorageSync('pledge:mine', saved)
  expect(readMyPledge()).toBeNull()
})

test('storage that cannot be read or written: unknown, and no error for the page', () => {
  jest.spyOn(Taro, 'getStorageSync').mockImplementation(() => { throw new Error('getStorageSync:fail') })
  expect(readMyPledge()).toBeNull()
  jest.spyOn(Taro, 'setStorageSync').mockImplementation(() => { throw new Error('setStorageSync:fail exceed storage max size 10MB') })
  expect(() => rememberMyPledge({ number: 1 })).not.toThrow()
})
