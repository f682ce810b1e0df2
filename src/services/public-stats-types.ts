import type { PublicStats } from '@shared/protocol'

export type { PublicStats } from '@shared/protocol'

/** What each twin (public-stats.weapp.ts / public-stats.h5.ts) provides; both must match it. */
export interface PublicStatsService {
  /**
   * The public counts as last written (CloudBase: the function's timer; locally: the runner),
   * read without calling the function. Rejects when they cannot be read, are missing or malformed.
   */
  readPublicStats (): Promise<PublicStats>
}

const isCountList = (value: unknown, key: 'company' | 'source') => Array.isArray(value) &&
  value.every((item) => typeof item?.[key] === 'string' && Number.isInteger(item?.count))

/** The stored document, checked: a client must not show a count it cannot trust. */
export function asPublicStats (value: unknown): PublicStats {
  const stats = (typeof value === 'object' && value !== null ? value : {}) as Partial<PublicStats>
  if (!Number.isInteger(stats.total) || (stats.total as number) < 0 ||
    typeof stats.updatedAt !== 'string' || Number.isNaN(Date.parse(stats.updatedAt)) ||
    !isCountList(stats.topCompanies, 'company') || !isCountList(stats.sources, 'source')) {
    throw new TypeError('public stats: not a PublicStats document')
  }
  return { total: stats.total as number, topCompanies: stats.topCompanies!, sources: stats.sources!, updatedAt: stats.updatedAt }
}
