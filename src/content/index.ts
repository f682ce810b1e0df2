import type { Campaign, NewsItem, Proposal } from './types'
import { campaign } from './campaign.generated'
import { proposal } from './proposal.generated'
import { newsItems } from './news.generated'
import { toHantDeep } from './hant'

export { campaign, proposal, newsItems }
export { toHant } from './hant'
export type * from './types'

/** Every headed section of the proposal in reading order. */
export function allSections (doc: Proposal = proposal) {
  return doc.groups.flatMap((group) => group.sections)
}

/** Everything a page displays, in one script. */
export interface Content {
  campaign: Campaign
  proposal: Proposal
  newsItems: NewsItem[]
}

/** The content as published (简体): what share cards say, whatever script the reader chose. */
export const published: Content = { campaign, proposal, newsItems }
let hant: Content | undefined

/** The content as published (简体), or converted to 繁體 once, on first use. */
export function contentIn (script: 'hans' | 'hant'): Content {
  if (script === 'hans') return published
  hant ??= toHantDeep(published)
  return hant
}
