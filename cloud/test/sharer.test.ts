/** @jest-environment node */
import { LIMITS, SOURCE_PATTERN } from '../core/protocol'
import { sharerScene } from '../core/sharer'

/** What wxacode.getUnlimited accepts as a scene. */
const WECHAT_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const OPENIDS = ['oAbCdEfGhIjKlMnOpQrStUvWxYz0', 'oAbCdEfGhIjKlMnOpQrStUvWxYz1', 'a', '0123456789abcdef0123456789abcdef', '用户']

describe('sharerScene', () => {
  it('is the same for the same identity on every call', () => {
    expect(sharerScene(OPENIDS[0])).toBe(sharerScene(OPENIDS[0]))
    // Pinned: a change would split every sharer's attribution in two.
    expect(sharerScene('oAbCdEfGhIjKlMnOpQrStUvWxYz0')).toBe('s:ILHnmVRMlN')
  })

  it('differs per identity', () => {
    expect(new Set(OPENIDS.map(sharerScene)).size).toBe(OPENIDS.length)
  })

  it.each(OPENIDS)('%s → an s: source, a WeChat scene, without the identity', (identity) => {
    const scene = sharerScene(identity)
    expect(scene).toMatch(/^s:[0-9A-Za-z_-]{10}$/)
    expect(scene).toMatch(SOURCE_PATTERN)
    expect(scene).toMatch(WECHAT_SCENE)
    expect(scene.length).toBeLessThanOrEqual(LIMITS.sourceMaxChars)
    expect(scene.length).toBeLessThanOrEqual(32)
    if (identity.length > 1) expect(scene).not.toContain(identity)
  })
})
