import { asPublicStats } from './public-stats-types'
import type { PublicStatsService } from './public-stats-types'

/** Longest wait for the local runner, as for its function calls; the page keeps its count meanwhile. */
const REQUEST_TIMEOUT_MS = 10_000

/** The local runner serves the same document at GET /api/public/stats (no identity needed). */
export const readPublicStats: PublicStatsService['readPublicStats'] = async () => {
  // AbortController rather than AbortSignal.timeout: older mobile browsers lack the latter.
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS)
  try {
    const response = await fetch('/api/public/stats', { credentials: 'same-origin', signal: abort.signal })
    if (response.status !== 200) throw new Error(`GET /api/public/stats: HTTP ${response.status}`)
    return asPublicStats(await response.json())
  } finally {
    clearTimeout(timer)
  }
}
