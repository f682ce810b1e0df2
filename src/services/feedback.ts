import Taro from '@tarojs/taro'
import { wordsNow } from '@/words'

/** A short toast, as WeChat apps confirm an action. */
export function toast (title: string, icon: 'success' | 'none' = 'none') {
  return Taro.showToast({ title, icon }).catch(() => undefined)
}

/** A light buzz on success; silently nothing where the device cannot. */
export function buzz () {
  return Taro.vibrateShort({ type: 'light' }).catch(() => undefined)
}

/** Asks before a destructive action; resolves true only on the confirm button. */
export async function confirm (title: string, content: string, confirmText?: string): Promise<boolean> {
  const { common } = wordsNow()
  const { confirm: ok } = await Taro.showModal({ title, content, confirmText: confirmText ?? common.confirm, confirmColor: '#b71c1c', cancelText: common.cancel })
  return ok
}
