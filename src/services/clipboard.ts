import Taro from '@tarojs/taro'

/** Copies text; WeChat shows its own "内容已复制" toast, H5 gets ours. */
export async function copyText (text: string) {
  await Taro.setClipboardData({ data: text })
  if (process.env.TARO_ENV === 'h5') await Taro.showToast({ title: '已复制', icon: 'success' })
}
