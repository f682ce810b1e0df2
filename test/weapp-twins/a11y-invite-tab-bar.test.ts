import TabBar from '@/components/tab-bar'
import { asButton, asDialog, asHeading, asRadio, asRadioGroup, describedImage, focusInto, labelled } from '@/services/a11y'
import { copyInviteLink, INVITE_OPENS_SHARE_MENU } from '@/services/invite'

test('a11y props are what WeChat\'s screen reader reads (ariaRole / ariaLabel), with no browser role, tabIndex or key handler', () => {
  expect(asButton('回到目录')).toEqual({ ariaRole: 'button', ariaLabel: '回到目录' })
  expect(asButton()).toEqual({ ariaRole: 'button' })
  expect(asHeading(2)).toEqual({ ariaRole: 'heading' })
  expect(asRadioGroup('字号')).toEqual({ ariaRole: 'radiogroup', ariaLabel: '字号' })
  expect(asRadio(true, '特大字号')).toEqual({ ariaRole: 'radio', 'aria-checked': true, ariaLabel: '特大字号' })
  expect(labelled('单位名称')).toEqual({ ariaLabel: '单位名称' })
  expect(describedImage('我承诺 质量月')).toEqual({ ariaLabel: '我承诺 质量月' })
  expect(asDialog('活动码', () => undefined)).toEqual({ ariaRole: 'dialog', ariaLabel: '活动码' })
  expect(focusInto('event-code')()).toBeUndefined()
})

test('inviting opens WeChat\'s share menu; there is no link to copy', async () => {
  expect(INVITE_OPENS_SHARE_MENU).toBe(true)
  await expect(copyInviteLink()).resolves.toBe(false)
})

test('the tab bar renders nothing: WeChat draws its own from app.config.ts', () => {
  expect(TabBar({ current: 'pledge' })).toBeNull()
})
