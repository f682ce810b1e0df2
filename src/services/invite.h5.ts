import { mySharerScene } from './attribution'
import { copyText } from './clipboard'
import { shareLink } from './share-code.h5'

/** Browsers have no share menu: inviting copies a link to the pledge page carrying my scene. */
export const INVITE_OPENS_SHARE_MENU = false

export async function copyInviteLink (): Promise<boolean> {
  const scene = mySharerScene()
  return copyText(scene ? shareLink(scene) : shareLink(null))
}
