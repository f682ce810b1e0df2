import { NetworkError } from './cloud-transport-types'
import type { CloudTransportService } from './cloud-transport-types'

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

/** The local runner needs no set-up. */
export const initCloud: CloudTransportService['initCloud'] = () => {}

/** The local runner serves each function at POST /api/<name> and replies with its result. */
export const invoke: CloudTransportService['invoke'] = async (name, data) => {
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
