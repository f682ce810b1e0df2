import Taro from '@tarojs/taro'
import type { BarsService } from './bars-types'

const ignore = () => undefined

/** Taro's browser router sets document.title from the page config; this replaces it. */
export const showTitle: BarsService['showTitle'] = (title) => Taro.setNavigationBarTitle({ title }).then(ignore, ignore)

/** The browser's tab bar is a component of the page, which reads its labels from src/words. */
export const showTabLabels: BarsService['showTabLabels'] = () => Promise.resolve()
