import Taro from '@tarojs/taro'
import type { FilesService } from './files-types'

/**
 * Writes the CSV to the app's user data folder and offers it to send to a chat (the way
 * WeChat hands files to a computer: 文件传输助手).
 */
export const exportCsv: FilesService['exportCsv'] = async (fileName, content) => {
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
