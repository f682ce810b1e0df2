/**
 * The public counts document (PUBLIC_STATS): what clients read instead of calling the function
 * while a page is open. The deployed function's timer trigger writes it after each recount; the
 * local runner serves the same shape from its store.
 */
import { LIMITS } from './protocol'
import type { PublicStats } from './protocol'
import type { PledgeStore } from './store'

/** `takenAt` is when the counts were read: a reader judges their age by it. */
export async function takePublicStats (store: Pick<PledgeStore, 'stats'>, takenAt: Date): Promise<PublicStats> {
  const stats = await store.stats({ companies: LIMITS.topCompanies, sources: LIMITS.topSources })
  return { ...stats, updatedAt: takenAt.toISOString() }
}
