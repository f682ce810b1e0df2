import type { EventInfo } from '../../cloud/core/protocol'
import type { RenderTarget } from '@/poster/render'
import type { CloudHandler } from '../support/wx-fake'
import { answers } from './cloud-replies'
import { onWeapp } from './taro-weapp'

const CODE_FILE = 'cloud://qm-prod-7g2k.716d-qm-prod-7g2k/codes/s-Ab3_x-9.png'
const EVENT: EventInfo = { id: 'k2m9q4w1', name: '质量开放日', date: '2024-09-12', place: '市民中心', scene: 'e:k2m9q4w1' }

async function loadShareCode (cloud: CloudHandler) {
  const loaded = await onWeapp(async () => ({
    ...(await import('@/services/share-code')),
    ...(await import('@/services/cloud-transport')),
  }), { cloud })
  loaded.initCloud()
  const node = loaded.fake.createCanvasNode()
  const createImage = jest.spyOn(node, 'createImage')
  return { ...loaded, canvas: node as unknown as RenderTarget, createImage }
}

const downloads = (fake: { record: { calls: Array<{ api: string; args: unknown }> } }) =>
  fake.record.calls.filter((call) => call.api === 'cloud.downloadFile').map((call) => (call.args as { fileID: string }).fileID)

test('my share code: the file the function names is downloaded and loaded as an image of the poster\'s canvas', async () => {
  const { fake, loadShareCode: load, canvas, createImage } = await loadShareCode(answers({ shareCode: { scene: 's:Ab3_x-9', codeFileId: CODE_FILE } }))

  const art = await load(canvas)
  expect(downloads(fake)).toEqual([CODE_FILE])
  expect(createImage).toHaveBeenCalledTimes(1)
  expect(art).toEqual({ kind: 'image', image: createImage.mock.results[0].value })
  expect((createImage.mock.results[0].value as { src: string }).src).toMatch(/^http:\/\/tmp\/download-\d+\.png$/)
})

test('no code file for me (codeFileId null): null, nothing downloaded', async () => {
  const { fake, loadShareCode: load, canvas, createImage } = await loadShareCode(answers({ shareCode: { scene: 's:Ab3_x-9', codeFileId: null } }))

  await expect(load(canvas)).resolves.toBeNull()
  expect(downloads(fake)).toEqual([])
  expect(createImage).not.toHaveBeenCalled()
})

test('an event\'s code: asked for by the event\'s id, its file downloaded into an image of the canvas', async () => {
  const eventCode = 'cloud://qm-prod-7g2k.716d-qm-prod-7g2k/codes/e-k2m9q4w1.png'
  const { fake, loadEventCode, canvas, createImage } = await loadShareCode(answers({ eventCode: { event: EVENT, codeFileId: eventCode } }))

  const art = await loadEventCode(canvas, EVENT)
  expect(fake.record.cloudCalls).toEqual([{ name: 'pledge', data: { action: 'eventCode', id: EVENT.id } }])
  expect(downloads(fake)).toEqual([eventCode])
  expect(art).toEqual({ kind: 'image', image: createImage.mock.results[0].value })
})

test('an event without a code file (codeFileId null): null, nothing downloaded', async () => {
  const { fake, loadEventCode, canvas } = await loadShareCode(answers({ eventCode: { event: EVENT, codeFileId: null } }))

  await expect(loadEventCode(canvas, EVENT)).resolves.toBeNull()
  expect(downloads(fake)).toEqual([])
})
