import Taro from '@tarojs/taro'
import { wordsNow } from '@/words'

/**
 * Copies text. Both WeChat and Taro's H5 runtime show their own "内容已复制" toast on success;
 * on failure (privacy consent refused, no clipboard in the browser) the user is told plainly.
 * Resolves to whether the copy succeeded.
 */
export async function copyText (text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    await Taro.showToast({ title: wordsNow().common.copyFailed, icon: 'none' }).catch(() => undefined)
    return false
  }
}
