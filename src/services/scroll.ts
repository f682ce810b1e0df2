import Taro from '@tarojs/taro'

/** Scrolls the current page so the element matching `selector` is at the top. */
export function scrollToElement (selector: string) {
  return Taro.pageScrollTo({ selector, duration: 300 })
}
