import { CODE_PAGE } from '../../cloud/core/protocol'
import type { RenderTarget } from '@/poster/render'
import type { WxFakeOptions } from '../support/wx-fake'
import { answers } from './cloud-replies'
import { onWeapp } from './taro-weapp'

const ALBUM = 'scope.writePhotosAlbum'
const POSTER = 'http://tmp/canvas-1.png'

const loadCanvas = (options: WxFakeOptions = {}) => onWeapp(async () => ({
  ...(await import('@/services/canvas')),
  ...(await import('@/services/attribution')),
  ...(await import('@/services/cloud-transport')),
  ...(await import('@/services/preferences')),
}), options)

const callsTo = (fake: { record: { calls: Array<{ api: string; args: unknown }> } }, api: string) =>
  fake.record.calls.filter((call) => call.api === api).map((call) => call.args as Record<string, unknown>)

describe('saving to the album', () => {
  test.each([
    ['refused earlier', { album: false }],
    ['refused when WeChat asks now', { albumAnswer: 'deny' as const }],
  ])('album %s: our modal says why, 去设置 opens the settings, and once allowed there the poster is saved', async (_, album) => {
    const { fake, posterCanvas } = await loadCanvas({ ...album, settingsAfterOpen: { [ALBUM]: true } })
    fake.modalAnswers.push(true)

    await expect(posterCanvas.saveImage(POSTER, '我的承诺.png')).resolves.toBe(true)
    expect(fake.record.modals).toEqual([{ title: '需要相册权限', content: '保存海报需要允许保存到相册，请在设置中打开。', confirmText: '去设置' }])
    expect(callsTo(fake, 'openSetting')).toHaveLength(1)
    expect(fake.record.saved).toEqual([POSTER])
  })

  test('a reader who chose 繁體 gets our modal in 繁體', async () => {
    const { fake, posterCanvas, saveScript } = await loadCanvas({ album: false })
    saveScript('hant')
    fake.modalAnswers.push(false)

    await expect(posterCanvas.saveImage(POSTER, '我的承诺.png')).resolves.toBe(false)
    expect(fake.record.modals).toEqual([{ title: '需要相冊權限', content: '保存海報需要允許保存到相冊，請在設置中打開。', confirmText: '去設置' }])
  })

  test('never asked: WeChat asks, the person allows, the poster is saved without our modal', async () => {
    const { fake, posterCanvas } = await loadCanvas({ albumAnswer: 'allow' })

    await expect(posterCanvas.saveImage(POSTER, '我的承诺.png')).resolves.toBe(true)
    expect(callsTo(fake, 'authorize').map(({ scope }) => scope)).toEqual([ALBUM])
    expect(fake.record.modals).toEqual([])
    expect(fake.record.saved).toEqual([POSTER])
  })

  test('album refused and our modal cancelled: false, the settings stay closed and no save is attempted', async () => {
    const { fake, posterCanvas } = await loadCanvas({ album: false })
    fake.modalAnswers.push(false)

    await expect(posterCanvas.saveImage(POSTER, '我的承诺.png')).resolves.toBe(false)
    expect(fake.record.modals).toHaveLength(1)
    expect(callsTo(fake, 'openSetting')).toEqual([])
    expect(callsTo(fake, 'saveImageToPhotosAlbum')).toEqual([])
  })

  test('settings opened but the album left off: false, and no save is attempted', async () => {
    const { fake, posterCanvas } = await loadCanvas({ album: false, settingsAfterOpen: { [ALBUM]: false } })
    fake.modalAnswers.push(true)

    await expect(posterCanvas.saveImage(POSTER, '我的承诺.png')).resolves.toBe(false)
    expect(callsTo(fake, 'saveImageToPhotosAlbum')).toEqual([])
  })
})

test('saves to the album, as the words around it say (保存到相册); a missing canvas means an old WeChat', async () => {
  const { posterCanvas } = await loadCanvas()
  expect(posterCanvas.savesTo).toBe('album')
  expect(posterCanvas.drawnIn).toBe('wechat')
})

test('the canvas node is found by its id; a missing one is a clear error', async () => {
  const node = { width: 300, height: 150 }
  const { posterCanvas } = await loadCanvas({ canvasNodes: { '#poster': node } })

  await expect(posterCanvas.canvasNode('poster')).resolves.toBe(node)
  await expect(posterCanvas.canvasNode('gone')).rejects.toThrow('No canvas #gone')
  expect(posterCanvas.pixelRatio()).toBe(2)
})

test('exporting hands WeChat the canvas node itself and asks for a PNG temp file', async () => {
  const { fake, posterCanvas } = await loadCanvas()
  const node = fake.createCanvasNode()

  await expect(posterCanvas.exportImage(node as unknown as RenderTarget)).resolves.toMatch(/^http:\/\/tmp\/canvas-\d+\.png$/)
  const [args] = callsTo(fake, 'canvasToTempFilePath')
  expect(args.canvas).toBe(node)
  expect(args.fileType).toBe('png')
})

describe('sharing the image', () => {
  test('the share menu\'s mini-program entrance opens the pledge page with my scene, not the poster page', async () => {
    const { fake, posterCanvas, getWhoAmI, initCloud } = await loadCanvas({ cloud: answers({ whoami: { admin: false, scene: 's:Ab3_x-9' } }) })
    initCloud()
    await getWhoAmI()

    await expect(posterCanvas.shareImage(POSTER, '我的承诺.png')).resolves.toBe(true)
    expect(fake.record.sharedImages).toEqual([{ path: POSTER, entrancePath: `${CODE_PAGE}?scene=s%3AAb3_x-9` }])
  })

  test('before I have a scene the entrance still opens the pledge page', async () => {
    const { fake, posterCanvas } = await loadCanvas()

    await expect(posterCanvas.shareImage(POSTER, '我的承诺.png')).resolves.toBe(true)
    expect(fake.record.sharedImages).toEqual([{ path: POSTER, entrancePath: CODE_PAGE }])
  })

  test('a WeChat without showShareImageMenu (canIUse false) previews the image with its send / save menu', async () => {
    const { fake, posterCanvas } = await loadCanvas({ lacks: ['showShareImageMenu'] })

    await expect(posterCanvas.shareImage(POSTER, '我的承诺.png')).resolves.toBe(true)
    expect(fake.record.previews).toEqual([{ urls: [POSTER], current: POSTER, showmenu: true }])
    expect(fake.record.sharedImages).toEqual([])
  })

  test('closing the share menu without sending: false', async () => {
    const { posterCanvas } = await loadCanvas({ shareAnswer: 'cancel' })

    await expect(posterCanvas.shareImage(POSTER, '我的承诺.png')).resolves.toBe(false)
  })
})

describe('saving a poster at a size (subpackages/poster/draw.ts on WeChat)', () => {
  const loadDraw = (options: WxFakeOptions = {}) => onWeapp(async () => ({
    ...(await import('@/services/canvas')),
    ...(await import('@/subpackages/poster/draw')),
    ...(await import('@/poster')),
  }), options)

  /**
   * A Canvas 2D node like a phone's: over `maxWidth` px wide its drawing silently stays blank (the
   * last pixel reads back transparent), as a canvas over a device's limit does.
   */
  function phoneCanvas (maxWidth: number) {
    const node: { width: number; height: number; getContext: () => unknown } = { width: 300, height: 150, getContext: () => ctx }
    const state: Record<string, unknown> = {
      font: '10px sans-serif',
      measureText: (text: string) => ({ width: Array.from(text).length * Number.parseFloat(String(state.font).replace(/^bold /, '')) }),
      createLinearGradient: () => ({ addColorStop () {} }),
      getImageData: () => ({ data: [0, 0, 0, node.width > maxWidth ? 0 : 255] }),
    }
    // Every other drawing call does nothing here.
    const ctx = new Proxy(state, { get: (target, key: string) => (key in target ? target[key] : () => undefined) })
    return node
  }

  test('WeChat\'s known limits: 4096 px a side, 4096² in all', async () => {
    const { posterCanvas } = await loadDraw()
    expect(posterCanvas.canvasLimits()).toEqual({ side: 4096, area: 4096 * 4096 })
  })

  test('standard saves 1080 × 1921 and 高清 2160 × 3842, each exported as a PNG temp file', async () => {
    const { fake, exportPoster, posterTemplates } = await loadDraw()
    const canvas = phoneCanvas(4096)
    const standard = await exportPoster(canvas, posterTemplates[0], {}, 'standard')
    expect([standard.width, standard.height, standard.reduced]).toEqual([1080, 1921, false])
    const hd = await exportPoster(canvas, posterTemplates[0], {}, 'hd')
    expect([hd.width, hd.height, hd.reduced]).toEqual([2160, 3842, false])
    expect(hd.image).toMatch(/^http:\/\/tmp\/canvas-\d+\.png$/)
    expect(callsTo(fake, 'canvasToTempFilePath').map(({ fileType }) => fileType)).toEqual(['png', 'png'])
  })

  test('a phone whose canvas stays blank over 2000 px: 高清 falls back to the largest size drawn whole, flagged reduced', async () => {
    const { fake, exportPoster, posterTemplates } = await loadDraw()
    const hd = await exportPoster(phoneCanvas(2000), posterTemplates[0], {}, 'hd')
    expect([hd.width, hd.height, hd.reduced]).toEqual([1728, 3074, true])
    // The blank 2160 px drawing is never exported.
    expect(callsTo(fake, 'canvasToTempFilePath')).toHaveLength(1)
  })

  test('an Android whose canvasToTempFilePath fails over 1500 px: the next smaller size that exports is saved', async () => {
    const { fake, exportPoster, posterTemplates } = await loadDraw()
    type Args = { canvas: { width: number }; fail?: (res: unknown) => void; complete?: (res: unknown) => void }
    const wx = fake.wx as unknown as { canvasToTempFilePath: (args: Args) => unknown }
    const exportFile = wx.canvasToTempFilePath
    wx.canvasToTempFilePath = (args: Args) => {
      if (args.canvas.width <= 1500) return exportFile(args)
      const res = { errMsg: 'canvasToTempFilePath:fail' }
      setTimeout(() => { args.fail?.(res); args.complete?.(res) }, 0)
    }
    const hd = await exportPoster(phoneCanvas(4096), posterTemplates[0], {}, 'hd')
    expect([hd.width, hd.height, hd.reduced]).toEqual([1382, 2459, true])
  })

  test('a canvas that cannot even hold the on-screen size: the export rejects rather than save a blank poster', async () => {
    const { exportPoster, posterTemplates } = await loadDraw()
    await expect(exportPoster(phoneCanvas(100), posterTemplates[0], {}, 'standard')).rejects.toThrow(/Canvas cannot hold 750×1334/)
  })
})
