/**
 * Cloud function `pledge` — the deployed entry. Thin on purpose: identity from
 * getWXContext, the CloudBase store, msgSecCheck; all logic is in cloud/core/handle.ts.
 * Built into ../index.js by `npm run build:cloud` (see cloud/functions/pledge/README.md).
 */
import cloud from 'wx-server-sdk'
import type { ContentChecker } from '../../../core/content-check'
import { handle } from '../../../core/handle'
import type { PledgeResult } from '../../../core/handle'
import { createCloudbaseStore } from '../../../core/stores/cloudbase'
import type { CloudDatabase } from '../../../core/stores/cloudbase'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

// The adapter declares the slice of the database API it uses; the SDK object provides it.
const store = createCloudbaseStore(cloud.database({ throwOnNotFound: false }) as CloudDatabase)

// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
// v2 answers errCode 0 even for risky text: the verdict is result.suggest.
const contentCheck: ContentChecker = async (content, openid) => {
  const reply = await cloud.openapi.security.msgSecCheck({ version: 2, openid, scene: 1, content })
  const suggest = reply.result?.suggest
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
  throw new Error(`msgSecCheck: no verdict (errCode ${reply.errCode})`)
}

/** WeChat adds `userInfo` ({ appId, openId }) to every event; identity comes from getWXContext only. */
function withoutUserInfo (event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event
  return Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'userInfo'))
}

/** `wx.cloud.callFunction({ name: 'pledge', data })` → `{ code, message, data }`. */
export async function main (event: unknown): Promise<PledgeResult> {
  const { OPENID } = cloud.getWXContext()
  return handle(OPENID, withoutUserInfo(event), {
    store,
    contentCheck,
    onError: (error) => console.error('pledge:', error),
  })
}
