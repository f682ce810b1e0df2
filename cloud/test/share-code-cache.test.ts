/** @jest-environment node */
import { createShareCodeCache, parseCodeEnvVersion, shareCodeKey, shareCodePath } from '../core/share-code-cache'
import type { ShareCodeBackend, ShareCodeDoc } from '../core/share-code-cache'

const NOW = new Date('2024-09-01T08:00:00.000Z')
const SCENE = 's:ILHnmVRMlN'

/** A backend whose putDoc refuses an existing _id, as `collection.add` does. */
function setup (overrides: Partial<ShareCodeBackend> = {}) {
  const docs = new Map<string, ShareCodeDoc>()
  const generated: string[] = []
  const uploaded: Array<[path: string, content: string]> = []
  const backend: ShareCodeBackend = {
    getDoc: async (key) => docs.get(key) ?? null,
    putDoc: async (key, doc) => {
      if (docs.has(key)) throw new Error(`duplicate key: share_codes/${key}`)
      docs.set(key, doc)
    },
    generate: async (scene, version) => {
      generated.push(`${version} ${scene}`)
      return Buffer.from(`png ${scene}`)
    },
    upload: async (path, content) => {
      uploaded.push([path, content.toString()])
      return `cloud://env-1.7065-env-1/${path}`
    },
    ...overrides,
  }
  const cache = createShareCodeCache(backend, () => NOW)
  return { docs, generated, uploaded, backend, shareCode: (scene: string) => cache(scene, 'release') }
}

describe('share code cache', () => {
  it('a miss makes the code once, uploads it under share-codes/ and stores the doc', async () => {
    const { docs, generated, uploaded, shareCode } = setup()
    const fileID = 'cloud://env-1.7065-env-1/share-codes/release/s_ILHnmVRMlN.png'
    expect(await shareCode(SCENE)).toBe(fileID)
    expect(generated).toEqual([`release ${SCENE}`])
    expect(uploaded).toEqual([['share-codes/release/s_ILHnmVRMlN.png', `png ${SCENE}`]])
    expect([...docs]).toEqual([[`release_${SCENE}`, { fileID, createdAt: NOW.toISOString() }]])
  })

  it('a hit neither makes nor uploads anything', async () => {
    const { docs, generated, uploaded, shareCode } = setup()
    docs.set(shareCodeKey(SCENE, 'release'), { fileID: 'cloud://stored', createdAt: NOW.toISOString() })
    expect(await shareCode(SCENE)).toBe('cloud://stored')
    expect(await shareCode(SCENE)).toBe('cloud://stored')
    expect(generated).toEqual([])
    expect(uploaded).toEqual([])
  })

  it('two instances missing at once: the second add fails, both answer the stored file', async () => {
    let release = () => {}
    const bothGenerating = new Promise<void>((resolve) => { release = resolve })
    let started = 0
    const { docs, generated, backend } = setup()
    const generate = backend.generate
    backend.generate = async (scene, version) => {
      started += 1
      if (started === 2) release()
      await bothGenerating
      return generate(scene, version)
    }
    const [a, b] = await Promise.all([createShareCodeCache(backend)(SCENE, 'release'), createShareCodeCache(backend)(SCENE, 'release')])
    expect(generated).toEqual([`release ${SCENE}`, `release ${SCENE}`])
    expect(a).toBe(b)
    expect([...docs.values()].map((doc) => doc.fileID)).toEqual([a])
  })

  it('a failing store write with no doc behind it propagates', async () => {
    const { shareCode } = setup({ putDoc: async () => { throw new Error('collection share_codes does not exist') } })
    await expect(shareCode(SCENE)).rejects.toThrow('does not exist')
  })

  it.each([
    ['generate', { generate: async () => { throw new Error('getUnlimited: errCode 45009') } }, 'errCode 45009'],
    ['upload', { upload: async () => { throw new Error('uploadFile:fail') } }, 'uploadFile:fail'],
    ['upload without a file ID', { upload: async () => '' }, 'no file ID'],
  ] as Array<[string, Partial<ShareCodeBackend>, string]>)('a failing %s propagates and stores nothing', async (_label, overrides, message) => {
    const { docs, uploaded, shareCode } = setup(overrides)
    await expect(shareCode(SCENE)).rejects.toThrow(message)
    expect(docs.size).toBe(0)
    if (overrides.generate !== undefined) expect(uploaded).toEqual([])
  })

  it('refuses anything but a scene, before touching the backend', async () => {
    const { backend, generated, shareCode } = setup()
    backend.getDoc = jest.fn(backend.getDoc)
    for (const scene of ['', 's:', 's:../../x', 'x:abc', `s:${'a'.repeat(31)}`]) {
      await expect(shareCode(scene)).rejects.toThrow('not a scene')
    }
    expect(backend.getDoc).not.toHaveBeenCalled()
    expect(generated).toEqual([])
  })

  it('a trial code cached before launch is not served once release codes are asked for', async () => {
    const { backend, generated } = setup()
    const cache = createShareCodeCache(backend, () => NOW)
    const trial = await cache(SCENE, 'trial')
    const release = await cache(SCENE, 'release')
    expect(trial).not.toBe(release)
    expect(generated).toEqual([`trial ${SCENE}`, `release ${SCENE}`])
  })

  it('paths have no colon and name the version', () => {
    expect(shareCodePath('s:a-b_C', 'release')).toBe('share-codes/release/s_a-b_C.png')
    expect(shareCodePath('e:expo2024', 'trial')).toBe('share-codes/trial/e_expo2024.png')
  })
})

describe('CODE_ENV_VERSION', () => {
  it.each([[undefined, 'release'], ['', 'release'], ['release', 'release'], ['trial', 'trial'], ['develop', 'develop']])(
    '%p → %s', (value, version) => {
      expect(parseCodeEnvVersion(value)).toBe(version)
    })

  it.each(['Release', 'prod', ' trial', 'dev'])('%p is refused, naming the valid values', (value) => {
    expect(() => parseCodeEnvVersion(value)).toThrow('release, trial or develop')
  })
})
