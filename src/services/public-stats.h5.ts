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
    // no-store: the server's own cache is the only age the count may have (PUBLIC_STATS_TIMING).
    const response = await fetch('/api/public/stats', { credentials: 'same-origin', cache: 'no-store', signal: abort.signal })
    if (response.status !== 200) throw new Error(`GET /api/public/stats: HTTP ${response.status}`)
    return asPublicStats(await response.json())
  } finally {
    clearTimeout(timer)
  }
}
