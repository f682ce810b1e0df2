export interface Campaign {
  /** Title of the page that published the proposal and the posters. */
  pageTitle: string
  slogans: string[]
  heading: string
  /** The 2024 theme, quoted in the description. */
  theme: string
  description: string[]
}

export interface ProposalSection {
  /** Stable anchor for the table of contents. */
  id: string
  heading: string
  paragraphs: string[]
}

export interface ProposalGroup {
  id: 'enterprise' | 'society'
  /** Who the group of calls is addressed to: 企业界 or 全社会 (企業界, 全社會 in 繁體). */
  name: string
  lead: string
  sections: ProposalSection[]
}

export interface Proposal {
  title: string
  dateLine: string
  intro: string[]
  groups: ProposalGroup[]
}

export interface NewsItem {
  id: string
  source: string
  /** As given by the seed; some titles are cut short with "…" there. */
  title: string
  /** ISO date, YYYY-MM-DD. */
  date: string
  /** Not known for any report in the seed; never invented. */
  url?: string
}
