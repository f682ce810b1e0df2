import type { ConsentRequest } from '@/services/privacy-types'
import type { WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const loadPrivacy = (options: WxFakeOptions = {}) => onWeapp(async () => ({
  ...(await import('@/services/privacy')),
  ...(await import('@/services/canvas')),
}), options)

/** The page's dialog: keeps the request WeChat raised, for the test to answer. */
function dialog () {
  const requests: ConsentRequest[] = []
  return { requests, show: (request: ConsentRequest) => { requests.push(request) } }
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
}

test('needsConsent reports getPrivacySetting.needAuthorization', async () => {
  await expect((await loadPrivacy({ needPrivacyAuthorization: true })).privacy.needsConsent()).resolves.toBe(true)
  await expect((await loadPrivacy({ needPrivacyAuthorization: false })).privacy.needsConsent()).resolves.toBe(false)
})

test('requireConsent raises the dialog; agree after the agree button\'s tap → consent given', async () => {
  const { fake, privacy } = await loadPrivacy({ needPrivacyAuthorization: true })
  const shown = dialog()
  privacy.onConsentNeeded(shown.show)
  const asked = privacy.requireConsent()
  await until(() => shown.requests.length === 1)
  expect(shown.requests[0].referrer).toBe('requirePrivacyAuthorize')
  fake.tapAgreeButton(privacy.agreeButtonId)
  shown.requests[0].agree()
  await expect(asked).resolves.toBe(true)
  expect(fake.needsPrivacyAuthorization).toBe(false)
})

test('decline → no consent, and WeChat still needs it', async () => {
  const { fake, privacy } = await loadPrivacy({ needPrivacyAuthorization: true })
  const shown = dialog()
  privacy.onConsentNeeded(shown.show)
  const asked = privacy.requireConsent()
  await until(() => shown.requests.length === 1)
  shown.requests[0].decline()
  await expect(asked).resolves.toBe(false)
  expect(fake.needsPrivacyAuthorization).toBe(true)
})

test('with no dialog registered (it was unregistered) the request is refused, not left pending', async () => {
  const { privacy } = await loadPrivacy({ needPrivacyAuthorization: true })
  const unregister = privacy.onConsentNeeded(dialog().show)
  unregister()
  await expect(privacy.requireConsent()).resolves.toBe(false)
})

test('already agreed: requireConsent resolves at once, no dialog', async () => {
  const { privacy } = await loadPrivacy({ needPrivacyAuthorization: false })
  const shown = dialog()
  privacy.onConsentNeeded(shown.show)
  await expect(privacy.requireConsent()).resolves.toBe(true)
  expect(shown.requests).toEqual([])
})

test('saving a poster asks for consent first; declined, nothing is saved and no album prompt or modal appears', async () => {
  const { fake, privacy, posterCanvas } = await loadPrivacy({ needPrivacyAuthorization: true, albumAnswer: 'allow' })
  const shown = dialog()
  privacy.onConsentNeeded(shown.show)
  const saving = posterCanvas.saveImage('http://tmp/canvas-1.png', '海报.png')
  await until(() => shown.requests.length === 1)
  shown.requests[0].decline()
  await expect(saving).resolves.toBe(false)
  expect(fake.record.saved).toEqual([])
  expect(fake.record.modals).toEqual([])
  expect(fake.record.calls.map((call) => call.api)).not.toContain('authorize')
})
