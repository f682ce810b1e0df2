import Taro from '@tarojs/taro'
import { PUBLIC_STATS } from '@shared/protocol'
import { asPublicStats } from './public-stats-types'
import type { PublicStatsService } from './public-stats-types'

/**
 * A database read, not a function call: the `public` collection is readable by all users. A
 * missing document rejects (the mini-program SDK has no throwOnNotFound).
 */
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/document/Document.get.html
export const readPublicStats: PublicStatsService['readPublicStats'] = async () => {
  // `{}`: Taro's typing has no overload without options; WeChat takes either.
  const { data } = await Taro.cloud.database().collection(PUBLIC_STATS.collection).doc(PUBLIC_STATS.doc).get({})
  return asPublicStats(data)
}
