import Taro from '@tarojs/taro'

/**
 * Writes the CSV to the app's user data folder and offers it to send to a chat (the way
 * WeChat hands files to a computer: 文件传输助手). Resolves false if that did not happen.
 */
export async function exportCsv (fileName: string, content: string): Promise<boolean> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, content, 'utf8')
    // https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.shareFileMessage.html
    await Taro.shareFileMessage({ filePath, fileName })
    return true
  } catch {
    return false
  }
}
