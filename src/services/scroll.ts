import Taro from '@tarojs/taro'

/** Scrolls the current page so the element matching `selector` is at the top. */
export function scrollToElement (selector: string) {
  return Taro.pageScrollTo({ selector, duration: 300 })
}

/** Scrolls the current page back to its top. */
export function scrollToTop () {
  return Taro.pageScrollTo({ scrollTop: 0, duration: 300 })
}
