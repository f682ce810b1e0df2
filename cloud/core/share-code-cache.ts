/**
 * Mini-program codes for scenes (a sharer's `s:`, an event's `e:`), made once per scene and kept
 * in cloud storage: a code never expires and `wxacode.getUnlimited` allows 5000 calls a minute,
 * so each scene costs one call ever. The backend is injected (cloud/functions/pledge/src/index.ts
 * wires wx-server-sdk).
 *
 * Collection `share_codes` (no client access): _id = `<version>_<scene>`, { fileID, createdAt }.
 * The version is part of the key: a trial code cached before launch must not outlive it.
 */
import { SOURCE_PATTERN } from './protocol'

export const SHARE_CODES = 'share_codes'

export interface ShareCodeDoc {
  fileID: string
  /** ISO 8601. */
  createdAt: string
}

export interface ShareCodeBackend {
  /** The stored doc under `key`, or null. */
  getDoc (key: string): Promise<ShareCodeDoc | null>
  /** Creates the doc; may reject when it exists already (another call stored it first). */
  putDoc (key: string, doc: ShareCodeDoc): Promise<void>
  /** The code's image; rejects when WeChat could not make it. */
  generate (scene: string, version: CodeEnvVersion): Promise<Buffer>
  /** Stores the image (overwriting the same path); resolves with its cloud file ID. */
  upload (cloudPath: string, content: Buffer): Promise<string>
}

/** `env_version` of getUnlimited: which version of the mini-program a scanned code opens. */
export type CodeEnvVersion = 'release' | 'trial' | 'develop'
const ENV_VERSIONS: readonly CodeEnvVersion[] = ['release', 'trial', 'develop']

/** CODE_ENV_VERSION: unset or empty → release. */
export function parseCodeEnvVersion (value: string | undefined): CodeEnvVersion {
  if (value === undefined || value === '') return 'release'
  const version = ENV_VERSIONS.find((known) => known === value)
  if (version === undefined) throw new Error(`CODE_ENV_VERSION must be release, trial or develop, got "${value}"`)
  return version
}

/** `share-codes/release/s_AbC….png`: no ':' in storage paths. */
export function shareCodePath (scene: string, version: CodeEnvVersion): string {
  return `share-codes/${version}/${scene.replace(/:/g, '_')}.png`
}

/** The `share_codes` doc _id of a scene's code for one version. */
export function shareCodeKey (scene: string, version: CodeEnvVersion): string {
  return `${version}_${scene}`
}

/** Resolves the cloud file ID of the code for `scene`, making and storing it on first use. */
export function createShareCodeCache (backend: ShareCodeBackend, now: () => Date = () => new Date()) {
  return async (scene: string, version: CodeEnvVersion): Promise<string> => {
    // Scenes come from sharerScene or eventScene; the check keeps anything else out of storage paths.
    if (!SOURCE_PATTERN.test(scene)) throw new Error(`share code: not a scene: ${scene.slice(0, 40)}`)
    const key = shareCodeKey(scene, version)
    const cached = await backend.getDoc(key)
    if (cached !== null) return cached.fileID
    const fileID = await backend.upload(shareCodePath(scene, version), await backend.generate(scene, version))
    if (typeof fileID !== 'string' || fileID === '') throw new Error('share code: upload returned no file ID')
    try {
      await backend.putDoc(key, { fileID, createdAt: now().toISOString() })
    } catch (error) {
      // A concurrent call for the same scene stored first; it uploaded to the same path.
      const stored = await backend.getDoc(key)
      if (stored === null) throw error
      return stored.fileID
    }
    return fileID
  }
}
