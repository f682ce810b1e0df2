import Taro from '@tarojs/taro'
import type { NetworkService } from './network-types'

// https://developers.weixin.qq.com/miniprogram/dev/api/device/network/wx.getNetworkType.html
export const isOnline: NetworkService['isOnline'] = async () => {
  const { networkType } = await Taro.getNetworkType()
  return networkType !== 'none'
}

// https://developers.weixin.qq.com/miniprogram/dev/api/device/network/wx.onNetworkStatusChange.html
export const onOnline: NetworkService['onOnline'] = (callback) => {
  const listener = ({ isConnected }: { isConnected: boolean }) => { if (isConnected) callback() }
  Taro.onNetworkStatusChange(listener)
  return () => Taro.offNetworkStatusChange(listener)
}
