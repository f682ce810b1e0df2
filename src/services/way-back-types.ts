/** A control a page that is not a tab shows to leave it: where it leads, and following it. */
export interface WayBack {
  /** 'back': to the page below in this app; 'home': to the 首页 tab. */
  readonly to: 'back' | 'home'
  /** Resolves false when the route did not happen. */
  go (): Promise<boolean>
}

/** What each twin (way-back.weapp.ts / way-back.h5.ts) provides; both must match it. */
export interface WayBackService {
  /**
   * The way back this page needs in the page itself; null when the platform's own bar has it or
   * nothing may navigate. Ask once the page is open (the page stack includes it from its onLoad).
   */
  wayBack (): WayBack | null
}
