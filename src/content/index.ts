import type { NewsItem, Proposal } from './types'
import { proposal } from './proposal.generated'
import { newsItems } from './news.generated'

export { campaign } from './campaign.generated'
export { proposal, newsItems }
export type * from './types'

/** The report with this id, or undefined for an unknown or malformed id. */
export function findNews (id: unknown): NewsItem | undefined {
  return typeof id === 'string' ? newsItems.find((item) => item.id === id) : undefined
}

/** Every headed section of the proposal in reading order. */
export function allSections (doc: Proposal = proposal) {
  return doc.groups.flatMap((group) => group.sections)
}
