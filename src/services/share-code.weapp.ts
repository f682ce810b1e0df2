import Taro from '@tarojs/taro'
import type { CodeArt, RenderTarget } from '@/poster/render'
import { getShareCode } from './pledge'

interface WeappCanvas {
  createImage (): { src: string; onload: () => void; onerror: (error: unknown) => void }
}

/**
 * The mini-program code the cloud function made for my scene, as an image of `canvas` (a Canvas
 * 2D image must come from the canvas that draws it). null when the function has no code to give.
 */
export async function loadShareCode (canvas: RenderTarget): Promise<CodeArt | null> {
  const { codeFileId } = await getShareCode()
  if (codeFileId === null) return null
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/downloadFile/client.downloadFile.html
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: codeFileId })
  const image = (canvas as unknown as WeappCanvas).createImage()
  await new Promise<void>((resolve, reject) => {
    image.onload = resolve
    image.onerror = reject
    image.src = tempFilePath
  })
  return { kind: 'image', image }
}
