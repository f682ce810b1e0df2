import Taro from '@tarojs/taro'
import type { CodeArt, RenderTarget } from '@/poster/render'
import { getEventCode } from './events'
import { getShareCode } from './pledge'
import type { ShareCodeService } from './share-code-types'

interface WeappCanvas {
  createImage (): { src: string; onload: () => void; onerror: (error: unknown) => void }
}

/** A cloud file as an image of `canvas` (a Canvas 2D image must come from the canvas that draws it). */
async function imageOf (canvas: RenderTarget, fileID: string): Promise<CodeArt> {
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/downloadFile/client.downloadFile.html
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID })
  const image = (canvas as unknown as WeappCanvas).createImage()
  await new Promise<void>((resolve, reject) => {
    image.onload = resolve
    image.onerror = reject
    image.src = tempFilePath
  })
  return { kind: 'image', image }
}

/** The mini-program code the cloud function made for my scene; null when it has none to give. */
export const loadShareCode: ShareCodeService['loadShareCode'] = async (canvas) => {
  const { codeFileId } = await getShareCode()
  return codeFileId === null ? null : imageOf(canvas, codeFileId)
}

/** An event's mini-program code (organisers only); null when the function could not make it. */
export const loadEventCode: ShareCodeService['loadEventCode'] = async (canvas, event) => {
  const { codeFileId } = await getEventCode(event.id)
  return codeFileId === null ? null : imageOf(canvas, codeFileId)
}
