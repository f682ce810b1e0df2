import Taro from '@tarojs/taro'
import { NetworkError } from './platform-types'
import type { Platform } from './platform-types'

export const platform: Platform = {
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
  initCloud () {
    Taro.cloud.init({
      // No env configured → the default cloud environment of the appid.
      env: process.env.TARO_APP_CLOUD_ENV || undefined,
      traceUser: true,
    })
  },

  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html
  async invoke (name, data) {
    try {
      const { result } = await Taro.cloud.callFunction({ name, data })
      return result
    } catch (error) {
      throw new NetworkError((error as { errMsg?: string }).errMsg ?? String(error))
    }
  },

  launchScene () {
    return Taro.getLaunchOptionsSync().scene ?? null
  },

  // Cold start: the launch options; hot start: the latest onShow's. A code's scene arrives URL-encoded.
  entryScene () {
    return Taro.getEnterOptionsSync().query?.scene
  },

  // https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getAppBaseInfo.html
  // (WeChat documents fontSizeSetting there; Taro's type for it lacks the field.)
  systemFontSize () {
    return (Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting ?? null
  },

  // WeChat shows its own launch screen until the first page renders: there is no shell.
  endAppShell () {},

  async isOnline () {
    const { networkType } = await Taro.getNetworkType()
    return networkType !== 'none'
  },

  onOnline (callback) {
    const listener = ({ isConnected }: { isConnected: boolean }) => { if (isConnected) callback() }
    Taro.onNetworkStatusChange(listener)
    return () => Taro.offNetworkStatusChange(listener)
  },
}
