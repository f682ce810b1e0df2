/** One request for consent to the privacy guide, shown by the page's privacy dialog. */
export interface ConsentRequest {
  /** The API or component that needs consent (WeChat's eventInfo.referrer). */
  referrer: string
  /** Call from the agree button's agreeprivacyauthorization tap: WeChat checks that the tap happened. */
  agree (): void
  decline (): void
}

/** What each twin (privacy.weapp.ts / privacy.h5.ts) provides; both must match it. */
export interface Privacy {
  /** The id of the dialog's agree button; WeChat checks that this button was tapped. */
  readonly agreeButtonId: string
  /** Whether the nickname field can offer the person's WeChat nickname (`<Input type="nickname">`). */
  readonly offersWechatNickname: boolean
  /** Whether the person must still agree to the privacy guide before a privacy-scoped API or component works. */
  needsConsent (): Promise<boolean>
  /** Shows `request` when consent is needed; one dialog at a time (the last registered). Returns the unregister function. */
  onConsentNeeded (show: (request: ConsentRequest) => void): () => void
  /** Asks now (the dialog shows if consent is still needed); resolves whether consent was given. */
  requireConsent (): Promise<boolean>
  /** Opens the privacy guide declared in 小程序后台 → 用户隐私保护指引. */
  openGuide (): void
}
