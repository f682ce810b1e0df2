/**
 * The public counts document (PUBLIC_STATS): what clients read instead of calling the function
 * while a page is open. The deployed function's timer trigger writes it after each recount; the
 * local runner serves the same shape from its store.
 */
import { LIMITS } from './protocol'
import type { PublicStats } from './protocol'
import type { PledgeStore } from './store'

/**
 * `takenAt` is when the counts were read: a reader judges their age by it. Names an organiser
 * hid are left off the board (their pledges stay in the total): the list is read that much
 * longer so it still has LIMITS.topCompanies names.
 */
export async function takePublicStats (store: Pick<PledgeStore, 'stats' | 'listHidden'>, takenAt: Date): Promise<PublicStats> {
  const hidden = new Set((await store.listHidden(LIMITS.hiddenCompanies)).map((entry) => entry.company))
  const stats = await store.stats({ companies: LIMITS.topCompanies + hidden.size, sources: LIMITS.topSources })
  const topCompanies = stats.topCompanies.filter((entry) => !hidden.has(entry.company)).slice(0, LIMITS.topCompanies)
  return { ...stats, topCompanies, updatedAt: takenAt.toISOString() }
}
