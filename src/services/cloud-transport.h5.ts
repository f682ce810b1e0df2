import { NetworkError } from './cloud-transport-types'
import type { CloudTransportService } from './cloud-transport-types'

/** Longest wait for the local runner before the call counts as a network failure. */
const REQUEST_TIMEOUT_MS = 10_000

/**
 * A call the boot script made before the app loaded (config/h5-startup/prerender.mjs: the 承诺 page's
 * `status`, sent while the scripts download), kept on window until the app asks the same.
 */
interface EarlyCall { name: string; body: string; reply: Promise<unknown> }
declare global {
  interface Window { __qmEarlyCall?: EarlyCall }
}

/** The early call's reply as post() gives one: a failure to reach the runner is a NetworkError. */
const asReply = (reply: Promise<unknown>) => reply.catch((error: unknown) => {
  throw new NetworkError(error instanceof Error ? error.message : String(error))
})

const early = typeof window === 'undefined' ? undefined : window.__qmEarlyCall
// The early call is the first: the identity it brings is the one every later call waits for.
let firstCall: Promise<unknown> | null = early ? early.reply.catch(() => { firstCall = null }) : null

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

/** The local runner needs no set-up. */
export const initCloud: CloudTransportService['initCloud'] = () => {}

/** The local runner serves each function at POST /api/<name> and replies with its result. */
export const invoke: CloudTransportService['invoke'] = async (name, data) => {
  const made = window.__qmEarlyCall
  if (made && made.name === name && made.body === JSON.stringify(data)) {
    // Asked once: a later `status` is a new question.
    delete window.__qmEarlyCall
    return asReply(made.reply)
  }
  // The runner gives this browser its identity (a session cookie) on its first call; calls
  // sent before that answer would each get a new identity. So they wait for the first one.
  if (firstCall === null) {
    const call = post(name, data)
    firstCall = call.catch(() => { firstCall = null })
    return call
  }
  await firstCall
  return post(name, data)
}
