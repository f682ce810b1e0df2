import { parseScene } from '@shared/scene'
import type { Scene } from '@shared/scene'
import { callFunction, oncePerLaunch } from './cloud'
import { forget, readStored, store } from './storage'

export type { Scene } from '@shared/scene'

/** An arrival older than this no longer earns its code or link the pledge. */
export const ARRIVAL_TTL_MS = 7 * 24 * 60 * 60 * 1000

interface SavedArrival { source: string; at: number }

/**
 * Keeps where this person came from (a code's or a link's `scene`), the latest one winning.
 * Anything that is not a valid scene is ignored without a word: a scanner or a stale link
 * must never show an error. Returns the scene it kept.
 */
export function rememberArrival (rawScene: unknown, now = Date.now()): Scene | null {
  const scene = parseScene(rawScene)
  if (scene === null) return null
  store('arrival', { source: scene.source, at: now } satisfies SavedArrival)
  return scene
}

/** The kept arrival, unless it has expired. */
export function readArrival (now = Date.now()): Scene | null {
  const saved = readStored('arrival') as Partial<SavedArrival> | undefined
  if (typeof saved !== 'object' || saved === null || typeof saved.at !== 'number' || now - saved.at > ARRIVAL_TTL_MS) return null
  return parseScene(saved.source)
}

export function clearArrival () {
  forget('arrival')
}

/** My own `s:<id>`, for the query of everything I share; null until whoami has answered once. */
export function mySharerScene (): string | null {
  const saved = readStored('sharer')
  return typeof saved === 'string' && parseScene(saved)?.kind === 'sharer' ? saved : null
}

/** Am I an organiser, and my sharer scene (kept for shares); asked once per launch. */
export const getWhoAmI = oncePerLaunch(async () => {
  const me = await callFunction('pledge', { action: 'whoami' })
  store('sharer', me.scene)
  return me
})
