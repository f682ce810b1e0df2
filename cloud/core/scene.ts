/**
 * Reading the scene a person arrived with: a mini-program code's `scene` (WeChat hands it over
 * URL-encoded), a shared link's `scene` query, or H5's `?scene=`. Pure; used by the client.
 */
import { CODE_PAGE, EVENT_ID_PATTERN, LIMITS, SOURCE_PATTERN } from './protocol'

/** The page a code or shared image opens, carrying `scene` (just the page without one). */
export function codePagePath (scene: string | null): string {
  return scene === null ? CODE_PAGE : `${CODE_PAGE}?scene=${encodeURIComponent(scene)}`
}

export type Scene =
  | { kind: 'event'; id: string; source: string }
  | { kind: 'sharer'; id: string; source: string }

/** Decodes at most twice: a scene can arrive encoded once (code) or twice (encoded share path). */
function decode (raw: string): string | null {
  let value = raw
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(value); i++) {
    try {
      value = decodeURIComponent(value)
    } catch {
      return null
    }
  }
  return value
}

/** The attribution in a scene, or null for anything else (never throws: bad scenes are ignored). */
export function parseScene (raw: unknown): Scene | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > LIMITS.sourceMaxChars * 3) return null
  const scene = decode(raw.trim())
  if (scene === null || scene.length > LIMITS.sourceMaxChars || !SOURCE_PATTERN.test(scene)) return null
  const id = scene.slice(2)
  if (scene.startsWith('e:')) return EVENT_ID_PATTERN.test(id) ? { kind: 'event', id, source: scene } : null
  return { kind: 'sharer', id, source: scene }
}
