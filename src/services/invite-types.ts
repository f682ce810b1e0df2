/** What each twin (invite.weapp.ts / invite.h5.ts) provides; both must match it. */
export interface InviteService {
  /** Whether the invite button is the platform's share menu (WeChat) rather than copyInviteLink (browsers). */
  readonly INVITE_OPENS_SHARE_MENU: boolean
  /** Copies a link to the pledge page carrying my scene; resolves false where there is none to copy. */
  copyInviteLink (): Promise<boolean>
}
