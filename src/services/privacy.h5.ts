import type { Privacy } from './privacy-types'

/** Browsers have no WeChat privacy guide to agree to, and no WeChat nickname to offer. */
export const privacy: Privacy = {
  agreeButtonId: 'privacy-agree',
  offersWechatNickname: false,
  async needsConsent () {
    return false
  },
  onConsentNeeded () {
    return () => undefined
  },
  async requireConsent () {
    return true
  },
  openGuide () {},
}
