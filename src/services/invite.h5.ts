import { mySharerScene } from './attribution'
import { copyText } from './clipboard'
import type { InviteService } from './invite-types'
import { shareLink } from './share-code.h5'

/** Browsers have no share menu: inviting copies a link to the pledge page carrying my scene. */
export const INVITE_OPENS_SHARE_MENU: InviteService['INVITE_OPENS_SHARE_MENU'] = false

export const copyInviteLink: InviteService['copyInviteLink'] = async () => {
  const scene = mySharerScene()
  return copyText(scene ? shareLink(scene) : shareLink(null))
}
