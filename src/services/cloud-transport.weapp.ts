import Taro from '@tarojs/taro'
import { NetworkError } from './cloud-transport-types'
import type { CloudTransportService } from './cloud-transport-types'

// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
export const initCloud: CloudTransportService['initCloud'] = () => {
  Taro.cloud.init({
    // No env configured → the default cloud environment of the appid.
    env: process.env.TARO_APP_CLOUD_ENV || undefined,
    traceUser: true,
  })
}

// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html
export const invoke: CloudTransportService['invoke'] = async (name, data) => {
  try {
    const { result } = await Taro.cloud.callFunction({ name, data })
    return result
  } catch (error) {
    throw new NetworkError((error as { errMsg?: string }).errMsg ?? String(error))
  }
}
