import type { InviteService } from './invite-types'

/** WeChat: inviting is the share menu itself (`<Button openType='share'>` on the page). */
export const INVITE_OPENS_SHARE_MENU: InviteService['INVITE_OPENS_SHARE_MENU'] = true

/** Not used on WeChat: the share menu carries the link. */
export const copyInviteLink: InviteService['copyInviteLink'] = async () => false
