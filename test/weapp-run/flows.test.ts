/**
 * The pledge journey and the privacy dialog in dist/weapp (see harness.ts): the answers come from
 * the real function core, so numbers, sources and counts are the function's own.
 */
import { sharerScene } from '../../cloud/core/sharer'
import { posterTemplates } from '../../src/poster'
import { appPerTest, canvas2dNode } from './harness'
import type { LaunchConfig } from './harness'

const SCAN_CODE = 1047
const SHARED_CARD = 1007
const PLEDGE = 'pages/pledge/index'
const PERSONAL = 'subpackages/poster/pages/personal/index'
const GALLERY = 'subpackages/poster/pages/gallery/index'

const start = appPerTest()

describe('pledge', () => {
  test('tap 我承诺 → the signed state with my number; the loading button renders (no missing template)', async () => {
    const { app, page } = await start({ path: PLEDGE, openid: 'o-first' })
    await page.waitForText('已有 0 人承诺')
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    expect(page.text()).toContain('已有 1 人承诺')
    expect(app.fake.record.toasts).toContainEqual({ title: '承诺成功', icon: 'success' })
    expect(app.fake.record.vibrations).toBe(1)
    expect(await app.deps.store.get('o-first')).toMatchObject({ number: 1, source: null })
  })

  test('withdraw asks first; confirmed, the form is back and the number is not reused', async () => {
    const { app, page } = await start({ path: PLEDGE, openid: 'o-first' })
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    app.fake.modalAnswers.push(true)
    await page.tap('#pledge-withdraw')
    await page.waitForText('我承诺')
    expect(app.fake.record.modals).toEqual([expect.objectContaining({ title: '撤回承诺', confirmText: '撤回' })])
    expect(app.fake.record.toasts).toContainEqual({ title: '已撤回', icon: 'none' })
    expect(await app.deps.store.get('o-first')).toBeNull()
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.2')
  })

  test('a cancelled withdraw changes nothing', async () => {
    const { app, page } = await start({ path: PLEDGE })
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    app.fake.modalAnswers.push(false)
    await page.tap('#pledge-withdraw')
    expect(page.text()).toContain('承诺编号 No.1')
    expect(app.fake.record.cloudCalls.map((call) => (call.data as { action: string }).action)).not.toContain('withdraw')
  })

  describe.each([
    ['once', (scene: string) => encodeURIComponent(scene)],
    ['twice', (scene: string) => encodeURIComponent(encodeURIComponent(scene))],
  ])('a scene encoded %s', (_times, encode) => {
    test('e:<id> from an event code: the page names the event and the pledge carries it', async () => {
      const first = await start({ path: PLEDGE })
      await first.app.deps.store.createEvent({ id: 'abcd1234', name: '质量月主题宣传活动', date: '2024-09-20', place: '北京', createdBy: 'o-organiser', createdAt: '2024-09-01T00:00:00.000Z' })
      expect(first.app.close()).toEqual([])

      const { app, page } = await start({ path: PLEDGE, scene: SCAN_CODE, query: { scene: encode('e:abcd1234') }, deps: first.app.deps, openid: 'o-visitor' })
      await page.waitForText('来自活动')
      await page.waitForText('质量月主题宣传活动')
      await page.tap('#pledge-button')
      await page.waitForText('承诺编号 No.1')
      const sign = app.fake.record.cloudCalls.find((call) => (call.data as { action: string }).action === 'sign')
      expect(sign?.data).toEqual({ action: 'sign', source: 'e:abcd1234' })
      expect(await app.deps.store.get('o-visitor')).toMatchObject({ source: 'e:abcd1234' })
    })

    test('s:<id> from a friend\'s card: the pledge credits the friend', async () => {
      const friend = sharerScene('o-friend')
      const { app, page } = await start({ path: PLEDGE, scene: SHARED_CARD, query: { scene: encode(friend) }, openid: 'o-visitor' })
      await page.tap('#pledge-button')
      await page.waitForText('承诺编号 No.1')
      expect(await app.deps.store.get('o-visitor')).toMatchObject({ source: friend })
    })
  })

  test('a share card from the pledge page carries my own scene', async () => {
    const { page } = await start({ path: PLEDGE, openid: 'o-sharer' })
    await page.waitForText('我承诺')
    const card = page.shareToFriend()
    expect(card?.path).toBe(`/pages/pledge/index?scene=${encodeURIComponent(sharerScene('o-sharer'))}`)
  })
})

describe('privacy (onNeedPrivacyAuthorization)', () => {
  async function myPoster (config: LaunchConfig = {}) {
    const launched = await start({ path: PLEDGE, ...config, wx: { needPrivacyAuthorization: true, canvasNodes: { '#my-poster-canvas': canvas2dNode() }, ...config.wx } })
    await launched.page.tap('#pledge-button')
    await launched.page.waitForText('承诺编号 No.1')
    await launched.page.tap('#pledge-poster')
    const poster = await launched.app.waitForPage(PERSONAL)
    await poster.waitFor('#my-poster-image')
    return { ...launched, poster }
  }

  test('before consent the nickname field is plain and promises no WeChat nickname; its first focus raises the dialog; 同意 makes it a nickname field', async () => {
    const { app, poster } = await myPoster()
    expect(poster.attr('#my-poster-nickname', 'type')).toBe('text')
    expect(poster.attr('#my-poster-nickname', 'placeholder')).toBe('填写海报上的昵称')
    await poster.trigger('#my-poster-nickname', 'focus', { value: '' })
    await poster.waitForText('隐私保护提示')
    expect(poster.find('#privacy-agree')).not.toBeNull()
    expect(poster.attr('#privacy-agree', 'openType')).toBe('agreePrivacyAuthorization')
    // WeChat records the tap on the open-type button, then fires its event.
    app.fake.tapAgreeButton('privacy-agree')
    await poster.trigger('#privacy-agree', 'agreeprivacyauthorization')
    await app.waitFor(() => poster.attr('#my-poster-nickname', 'type') === 'nickname', 2000, () => '昵称输入框没有变为 type=nickname')
    expect(poster.attr('#my-poster-nickname', 'placeholder')).toBe('点击使用微信昵称，或自行填写')
    expect(poster.find('#privacy-dialog')).toBeNull()
    expect(app.fake.needsPrivacyAuthorization).toBe(false)
  })

  test('不同意 keeps a plain field that still takes a nickname; the poster stays', async () => {
    const { app, poster } = await myPoster()
    await poster.trigger('#my-poster-nickname', 'focus', { value: '' })
    await poster.waitForText('隐私保护提示')
    await poster.tap('#privacy-decline')
    expect(poster.find('#privacy-dialog')).toBeNull()
    await poster.input('#my-poster-nickname', '小王')
    expect(poster.attr('#my-poster-nickname', 'type')).toBe('text')
    expect(poster.find('#my-poster-image')).not.toBeNull()
    expect(app.fake.needsPrivacyAuthorization).toBe(true)
    // Asked once: a second focus does not pester.
    await poster.trigger('#my-poster-nickname', 'focus', { value: '小王' })
    expect(poster.find('#privacy-dialog')).toBeNull()
  })

  test('saving a poster raises the dialog first; 同意 → the album is asked → saved', async () => {
    const { app, page } = await start({ path: GALLERY, wx: { needPrivacyAuthorization: true, albumAnswer: 'allow', canvasNodes: { '#poster-canvas': canvas2dNode() } } })
    await page.waitFor(`#poster-thumb-${posterTemplates[0].id}`)
    await page.tap(`#poster-item-${posterTemplates[0].id}`)
    await page.tap('#poster-save')
    await page.waitForText('隐私保护提示')
    expect(app.fake.record.saved).toEqual([])
    app.fake.tapAgreeButton('privacy-agree')
    await page.trigger('#privacy-agree', 'agreeprivacyauthorization')
    await app.waitFor(() => app.fake.record.saved.length === 1, 2000, () => '海报没有保存')
    expect(app.fake.record.toasts).toContainEqual({ title: '已保存到相册', icon: 'success' })
  })

  test('不同意 at save: nothing saved, 未保存, no album prompt; the posters and pledging keep working', async () => {
    const { app, page } = await start({ path: GALLERY, wx: { needPrivacyAuthorization: true, canvasNodes: { '#poster-canvas': canvas2dNode() } } })
    await page.waitFor(`#poster-thumb-${posterTemplates[0].id}`)
    await page.tap(`#poster-item-${posterTemplates[0].id}`)
    await page.tap('#poster-save')
    await page.waitForText('隐私保护提示')
    await page.tap('#privacy-decline')
    await app.waitFor(() => app.fake.record.toasts.some((toast) => toast.title === '未保存'), 2000, () => '没有提示未保存')
    expect(app.fake.record.saved).toEqual([])
    expect(app.fake.record.modals).toEqual([])
    expect(page.find('#poster-viewer')).not.toBeNull()

    await app.fake.wx.switchTab({ url: '/pages/pledge/index' })
    const pledge = await app.waitForPage(PLEDGE)
    await pledge.tap('#pledge-button')
    await pledge.waitForText('承诺编号 No.1')
  })
})

describe('my poster on WeChat: layout, signature by finger, 高清', () => {
  test('a layout picked and a signature written on the pad are drawn; 高清 exports a 2160 × 3842 canvas to the album', async () => {
    const signature = canvas2dNode()
    const poster = canvas2dNode()
    const { app, page } = await start({
      path: PLEDGE,
      wx: { albumAnswer: 'allow', canvasNodes: { '#my-poster-canvas': poster, '#signature-pad-canvas': canvas2dNode(), '#my-poster-signature': signature } },
    })
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    await page.tap('#pledge-poster')
    const mine = await app.waitForPage(PERSONAL)
    await mine.waitFor('#my-poster-image')
    expect(['红色', '印章', '深蓝'].every((name) => mine.text().includes(name))).toBe(true)

    const exports = () => app.fake.record.calls.filter((call) => call.api === 'canvasToTempFilePath').length
    const drawn = exports()
    await mine.tap('#my-poster-layout-band')
    await app.waitFor(() => exports() > drawn, 2000, () => '换样式后海报没有重画')

    await mine.tap('#my-poster-sign')
    await mine.waitForText('在框内用手指（或鼠标）写下你的名字')
    await mine.stroke('#signature-pad-canvas', [[30, 60], [150, 20], [270, 100]])
    const signed = exports()
    await mine.tap('#signature-done')
    await app.waitFor(() => exports() > signed, 2000, () => '签名后海报没有重画')
    // The signature is drawn for the poster at 4 device px per pad px; kept on the device only.
    expect([signature.width, signature.height]).toEqual([1200, 480])
    expect(app.fake.wx.getStorageSync('poster:signature')).toEqual([[100, 500, 500, 167, 900, 833]])

    await mine.tap('#my-poster-save-hd')
    await app.waitFor(() => app.fake.record.saved.length === 1, 2000, () => '高清海报没有保存')
    expect([poster.width, poster.height]).toEqual([2160, 3842])
    expect(app.fake.record.toasts).toContainEqual({ title: '已保存到相册', icon: 'success' })
  })
})
