import Taro from '@tarojs/taro'
import type { LaunchService } from './launch-types'

// https://developers.weixin.qq.com/miniprogram/dev/api/base/app/life-cycle/wx.getLaunchOptionsSync.html
export const launchScene: LaunchService['launchScene'] = () => Taro.getLaunchOptionsSync().scene ?? null

// Cold start: the launch options; hot start: the latest onShow's. A code's scene arrives URL-encoded.
export const entryScene: LaunchService['entryScene'] = () => Taro.getEnterOptionsSync().query?.scene
