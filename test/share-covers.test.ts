import fs from 'node:fs'
import path from 'node:path'
import { SHARE_COVERS } from '@/hooks/use-page-share'

/** Each cover ships in the main package: kept small. */
const SHARE_COVER_MAX_BYTES = 14 * 1024

/** Width and height from a baseline or progressive JPEG's start-of-frame marker. */
function jpegSize (bytes: Buffer) {
  let at = 2
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG marker at ${at}`)
    const marker = bytes[at + 1]
    const length = bytes.readUInt16BE(at + 2)
    if (marker === 0xc0 || marker === 0xc2) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) }
    at += 2 + length
  }
  throw new Error('no start-of-frame marker')
}

test.each([
  ['friend', 5 / 4],
  ['moments', 1],
] as const)('the %s cover is a JPEG of the ratio WeChat shows, under the size budget', (name, ratio) => {
  const file = path.join(__dirname, '..', 'src', SHARE_COVERS[name])
  const bytes = fs.readFileSync(file)
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
  const { width, height } = jpegSize(bytes)
  expect(width / height).toBeCloseTo(ratio, 3)
  expect(width).toBeGreaterThanOrEqual(240)
  expect(bytes.length).toBeLessThanOrEqual(SHARE_COVER_MAX_BYTES)
})
