import { View } from '@tarojs/components'
import { fireEvent, render, screen } from '@testing-library/react'
import { asButton, asDialog, asRadio, focusInto } from '@/services/a11y'

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

test('a full-screen layer is a named modal dialog: Escape closes it; focus moves in and back', () => {
  const close = jest.fn()
  render(
    <>
      <View {...asButton('查看海报：活动主题')}>活动主题</View>
      <View id='layer' {...asDialog('海报大图', close)}>
        <View {...asButton()}>关闭</View>
      </View>
    </>,
  )
  const dialog = screen.getByRole('dialog', { name: '海报大图' })
  expect(dialog.getAttribute('aria-modal')).toBe('true')
  fireEvent.keyDown(dialog, { key: 'Enter' })
  expect(close).not.toHaveBeenCalled()
  fireEvent.keyDown(screen.getByRole('button', { name: '关闭' }), { key: 'Escape' })
  expect(close).toHaveBeenCalledTimes(1)

  const opener = screen.getByRole('button', { name: '查看海报：活动主题' })
  opener.focus()
  const restore = focusInto('layer')
  expect(document.activeElement).toBe(screen.getByRole('button', { name: '关闭' }))
  restore()
  expect(document.activeElement).toBe(opener)
})
