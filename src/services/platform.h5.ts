import { NetworkError } from './platform-types'
import type { Platform } from './platform-types'

/** Longest wait for the local runner before the call counts as a network failure. */
const REQUEST_TIMEOUT_MS = 10_000

let firstCall: Promise<unknown> | null = null

async function post (name: string, data: object): Promise<unknown> {
  let response: Response
  // AbortController rather than AbortSignal.timeout: older mobile browsers lack the latter.
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS)
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
      signal: abort.signal,
    })
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error))
  } finally {
    clearTimeout(timer)
  }
  try {
    return await response.json()
  } catch {
    // A proxy's HTML error page, or a reply cut off mid-way.
    throw new NetworkError(`HTTP ${response.status}: 回复不是 JSON`)
  }
}

export const platform: Platform = {
  initCloud () {},

  /** The local runner serves each function at POST /api/<name> and replies with its result. */
  async invoke (name, data) {
    // The runner gives this browser its identity (a session cookie) on its first call; calls
    // sent before that answer would each get a new identity. So they wait for the first one.
    if (firstCall === null) {
      const call = post(name, data)
      firstCall = call.catch(() => { firstCall = null })
      return call
    }
    await firstCall
    return post(name, data)
  },

  launchScene () {
    return null
  },

  // Routes live in the hash (index.html moves a code URL's `/?scene=` there).
  entryScene () {
    const query = location.hash.split('?')[1] ?? ''
    return new URLSearchParams(query).get('scene') ?? undefined
  },

  // Browsers scale pages themselves (zoom, minimum font size).
  systemFontSize () {
    return null
  },

  // scripts/prerender-h5.mjs wrote the shell and its CSS into index.html.
  endAppShell () {
    document.getElementById('qm-shell')?.remove()
    document.getElementById('qm-shell-style')?.remove()
  },

  async isOnline () {
    return navigator.onLine
  },

  onOnline (callback) {
    window.addEventListener('online', callback)
    return () => window.removeEventListener('online', callback)
  },
}
