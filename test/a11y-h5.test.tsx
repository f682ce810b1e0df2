import { View } from '@tarojs/components'
import { fireEvent, render, screen } from '@testing-library/react'
import { asButton, asRadio } from '@/services/a11y'

test('a View read as a button or a radio is used from the keyboard: Enter and Space tap it, other keys do not', () => {
  const tap = jest.fn()
  const choose = jest.fn()
  render(
    <>
      <View {...asButton('回到目录')} onClick={tap}>↑</View>
      <View {...asRadio(false, '特大字号')} onClick={choose}>特大</View>
    </>,
  )
  const button = screen.getByRole('button', { name: '回到目录' })
  expect(button.tabIndex).toBe(0)
  fireEvent.keyDown(button, { key: 'a' })
  fireEvent.keyDown(button, { key: 'Tab' })
  expect(tap).not.toHaveBeenCalled()
  // The key's own action (scrolling the page on Space) is replaced by the tap.
  expect(fireEvent.keyDown(button, { key: 'Enter' })).toBe(false)
  expect(fireEvent.keyDown(button, { key: ' ' })).toBe(false)
  expect(tap).toHaveBeenCalledTimes(2)

  fireEvent.keyDown(screen.getByRole('radio', { name: '特大字号' }), { key: ' ' })
  expect(choose).toHaveBeenCalledTimes(1)
})
