/**
 * Cloud function `pledge` — the deployed entry. Thin on purpose: identity from
 * getWXContext, admins from ADMIN_OPENIDS, the CloudBase store, msgSecCheck, share and event
 * codes from getUnlimited; all logic is in cloud/core (handle.ts, share-code-cache.ts).
 * Built into ../index.js by `npm run build:cloud` (see cloud/functions/pledge/README.md).
 */
import cloud from 'wx-server-sdk'
import { parseAdminList } from '../../../core/admins'
import type { ContentChecker } from '../../../core/content-check'
import { handle } from '../../../core/handle'
import type { PledgeResult } from '../../../core/handle'
import { CODE_PAGE, ErrorCode, PUBLIC_STATS } from '../../../core/protocol'
import { takePublicStats } from '../../../core/public-stats'
import { createShareCodeCache, parseCodeEnvVersion, SHARE_CODES } from '../../../core/share-code-cache'
import type { ShareCodeDoc } from '../../../core/share-code-cache'
import { createCloudbaseStore } from '../../../core/stores/cloudbase'
import type { CloudDatabase } from '../../../core/stores/cloudbase'
import { createCloudbaseLimiter } from '../../../core/stores/cloudbase-limits'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

// The adapter declares the slice of the database API it uses; the SDK object provides it.
const db = cloud.database({ throwOnNotFound: false }) as CloudDatabase
const store = createCloudbaseStore(db)
const limiter = createCloudbaseLimiter(db)

// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
// v2 answers errCode 0 even for risky text: the verdict is result.suggest.
const contentCheck: ContentChecker = async (content, openid) => {
  const reply = await cloud.openapi.security.msgSecCheck({ version: 2, openid, scene: 1, content })
  const suggest = reply.result?.suggest
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
  throw new Error(`msgSecCheck: no verdict (errCode ${reply.errCode})`)
}

const shareCodes = db.collection(SHARE_CODES)
const codeCache = createShareCodeCache({
  getDoc: async (key) => (await shareCodes.doc<ShareCodeDoc>(key).get()).data ?? null,
  putDoc: async (key, doc) => {
    await shareCodes.add({ data: { _id: key, ...doc } })
  },
  // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
  // checkPath false: codes can be made before the page is published.
  generate: async (scene, envVersion) => {
    const reply = await cloud.openapi.wxacode.getUnlimited({ scene, page: CODE_PAGE, checkPath: false, envVersion })
    if ((reply.errCode ?? 0) !== 0 || reply.buffer === undefined) {
      throw new Error(`getUnlimited: errCode ${reply.errCode} ${reply.errMsg ?? ''}`.trim())
    }
    return reply.buffer
  },
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/server.uploadFile.html
  upload: async (cloudPath, fileContent) => (await cloud.uploadFile({ cloudPath, fileContent })).fileID,
})
// Read per call: a bad CODE_ENV_VERSION fails codes (logged), never pledges.
const makeCode = (scene: string) => codeCache(scene, parseCodeEnvVersion(process.env.CODE_ENV_VERSION))
// Read per call too (a split of a short string): an instance kept warm across a change of the
// variable must not go on trusting someone just removed from the list.
const isAdmin = (identity: string) => parseAdminList(process.env.ADMIN_OPENIDS).includes(identity)

/** WeChat adds `userInfo` ({ appId, openId }) to every event; identity comes from getWXContext only. */
function withoutUserInfo (event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event
  return Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'userInfo'))
}

/** A timer trigger's event (config.json `triggers`); a call from a mini-program has an OPENID instead. */
function isTimer (event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** Every 20 s: re-sum the changed counts, publish them for clients to read, drop ended limit windows. */
async function recountAndPublish (): Promise<PledgeResult> {
  const now = new Date()
  await store.recount()
  const stats = await takePublicStats(store, now)
  await db.collection(PUBLIC_STATS.collection).doc(PUBLIC_STATS.doc).set({ data: { ...stats } })
  await limiter.sweep(now)
  return { code: ErrorCode.OK, message: 'ok', data: null }
}

/** `wx.cloud.callFunction({ name: 'pledge', data })` → `{ code, message, data }`. */
export async function main (event: unknown): Promise<PledgeResult> {
  const { OPENID } = cloud.getWXContext()
  if (!OPENID && isTimer(event)) return recountAndPublish()
  return handle(OPENID, withoutUserInfo(event), {
    store,
    contentCheck,
    makeCode,
    isAdmin,
    limiter,
    onError: (error) => console.error('pledge:', error),
  })
}
