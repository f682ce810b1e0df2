import Taro from '@tarojs/taro'
import { currentFontScale, SYSTEM_FONT_LARGE_PX, SYSTEM_FONT_XLARGE_PX } from '@/hooks/use-font-scale'
import * as systemFont from '@/services/system-font'
import { FONT_SCALES, SCRIPTS, readFontScale, readScript, saveFontScale, saveScript } from '@/services/preferences'

/** The one storage key a preference uses, found by saving once rather than spelled here. */
function preferenceKey (save: () => void = () => saveFontScale('large')) {
  save()
  const keys = Object.keys(localStorage)
  expect(keys).toHaveLength(1)
  return keys[0]
}

const scriptKey = () => preferenceKey(() => saveScript('hant'))

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

describe('reading script', () => {
  test('nothing saved reads as 简体', () => {
    expect(readScript()).toBe('hans')
  })

  test.each(SCRIPTS)('%s survives a round trip through H5 storage', (script) => {
    saveScript(script)
    expect(readScript()).toBe(script)
    const keys = Object.keys(localStorage)
    expect(keys).toHaveLength(1)
    expect(Taro.getStorageSync(keys[0])).toBe(script)
  })

  test('is kept apart from the reading size', () => {
    saveFontScale('xlarge')
    saveScript('hant')
    expect(Object.keys(localStorage)).toHaveLength(2)
    expect(readFontScale()).toBe('xlarge')
    expect(readScript()).toBe('hant')
    saveFontScale('standard')
    expect(readScript()).toBe('hant')
  })

  test.each([['an unknown name', 'hant-tw'], ['a number', 1], ['an object', { script: 'hant' }], ['an empty string', ''], ['a reading size', 'large']])(
    '%s saved by an older or broken version falls back to 简体',
    (_what, value) => {
      const key = scriptKey()
      Taro.setStorageSync(key, value)
      expect(readScript()).toBe('hans')
    },
  )

  test('text that is not Taro\'s storage format falls back to 简体', () => {
    const key = scriptKey()
    localStorage.setItem(key, '{not json')
    expect(readScript()).toBe('hans')
  })

  test('saving a script the control never offers throws and keeps the saved script', () => {
    saveScript('hant')
    const before = { ...localStorage }
    expect(() => saveScript('zh-TW' as never)).toThrow(RangeError)
    expect(() => saveScript('zh-TW' as never)).toThrow('未知的简繁选项：zh-TW')
    expect({ ...localStorage }).toEqual(before)
    expect(readScript()).toBe('hant')
  })
})

describe('WeChat font size', () => {
  test.each([
    [null, 'standard'],
    [16, 'standard'],
    [17, 'standard'],
    [SYSTEM_FONT_LARGE_PX, 'large'],
    [SYSTEM_FONT_XLARGE_PX - 1, 'large'],
    [SYSTEM_FONT_XLARGE_PX, 'xlarge'],
    [28, 'xlarge'],
  ])('%p px → %s', (px, scale) => {
    const spy = jest.spyOn(systemFont, 'systemFontSize').mockReturnValue(px)
    expect(currentFontScale()).toBe(scale)
    spy.mockRestore()
  })

  test('sets the size until the reader chooses one in the app', () => {
    const spy = jest.spyOn(systemFont, 'systemFontSize').mockReturnValue(SYSTEM_FONT_XLARGE_PX)
    expect(currentFontScale()).toBe('xlarge')
    saveFontScale('standard')
    expect(currentFontScale()).toBe('standard')
    spy.mockRestore()
  })
})
