import Taro from '@tarojs/taro'
import { FONT_SCALES, readFontScale, saveFontScale } from '@/services/preferences'

/** The one storage key the preference uses, found by saving once rather than spelled here. */
function preferenceKey () {
  saveFontScale('large')
  const keys = Object.keys(localStorage)
  expect(keys).toHaveLength(1)
  return keys[0]
}

beforeEach(() => {
  localStorage.clear()
})

test('nothing saved reads as the standard size', () => {
  expect(readFontScale()).toBe('standard')
})

test.each(FONT_SCALES)('%s survives a round trip through H5 storage', (scale) => {
  saveFontScale(scale)
  expect(readFontScale()).toBe(scale)
  const keys = Object.keys(localStorage)
  expect(keys).toHaveLength(1)
  expect(Taro.getStorageSync(keys[0])).toBe(scale)
})

test('the saved size lives in localStorage, so clearing it resets the size', () => {
  saveFontScale('xlarge')
  localStorage.clear()
  expect(readFontScale()).toBe('standard')
})

test.each([['an unknown name', 'huge'], ['a number', 3], ['an object', { scale: 'large' }], ['an empty string', '']])(
  '%s saved by an older or broken version falls back to standard',
  (_what, value) => {
    const key = preferenceKey()
    Taro.setStorageSync(key, value)
    expect(readFontScale()).toBe('standard')
  },
)

test('text that is not Taro\'s storage format falls back to standard', () => {
  const key = preferenceKey()
  localStorage.setItem(key, '{not json')
  expect(readFontScale()).toBe('standard')
})

test('saving a size the control never offers throws and keeps the saved size', () => {
  saveFontScale('xlarge')
  const before = { ...localStorage }
  expect(Object.keys(before)).toHaveLength(1)
  expect(() => saveFontScale('huge' as never)).toThrow(RangeError)
  expect(() => saveFontScale('huge' as never)).toThrow('未知的字号：huge')
  expect({ ...localStorage }).toEqual(before)
  expect(readFontScale()).toBe('xlarge')
})

test('saving an unknown size into empty storage writes nothing', () => {
  expect(() => saveFontScale('' as never)).toThrow(RangeError)
  expect(localStorage).toHaveLength(0)
})
