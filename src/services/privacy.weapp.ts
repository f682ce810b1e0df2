import Taro from '@tarojs/taro'
import type { ConsentRequest, Privacy } from './privacy-types'

// https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
// WeChat holds a privacy-scoped API or component (the nickname input, saving to the album) until
// the app's own dialog answers onNeedPrivacyAuthorization; there is one listener per app.
let show: ((request: ConsentRequest) => void) | null = null
let listening = false

function listen () {
  if (listening || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  listening = true
  Taro.onNeedPrivacyAuthorization((resolve, { referrer }) => {
    // No dialog on this page to ask with: refuse rather than leave the API pending for ever.
    if (show === null) {
      resolve({ event: 'disagree' })
      return
    }
    resolve({ event: 'exposureAuthorization' })
    show({
      referrer,
      agree: () => resolve({ event: 'agree', buttonId: privacy.agreeButtonId }),
      decline: () => resolve({ event: 'disagree' }),
    })
  })
}

export const privacy: Privacy = {
  agreeButtonId: 'privacy-agree',
  offersWechatNickname: true,

  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.getPrivacySetting.html
  needsConsent () {
    return new Promise((resolve) => {
      // Before base library 2.32.3 there is no privacy guide to agree to.
      if (typeof Taro.getPrivacySetting !== 'function') return resolve(false)
      Taro.getPrivacySetting({ success: ({ needAuthorization }) => resolve(needAuthorization), fail: () => resolve(false) })
    })
  },

  onConsentNeeded (listener) {
    listen()
    show = listener
    return () => { if (show === listener) show = null }
  },

  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.requirePrivacyAuthorize.html
  // (callbacks only: it has no Promise style)
  requireConsent () {
    return new Promise((resolve) => {
      if (typeof Taro.requirePrivacyAuthorize !== 'function') return resolve(true)
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    })
  },

  openGuide () {
    Taro.openPrivacyContract({ fail: () => undefined })
  },
}
