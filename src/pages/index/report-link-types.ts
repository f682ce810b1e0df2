import type { ReactElement, ReactNode } from 'react'
import type { Words } from '@/words'

export interface ReportLinkProps {
  /** The entry's id (`news-<report id>`). */
  id: string
  /** The report's https link. */
  link: string
  className: string
  /** The entry's own text: title, source, date. */
  children: ReactNode
  /** The list's words, in the reader's script. */
  words: Words['news']
}

/** What each twin (report-link.weapp.tsx / report-link.h5.tsx) exports as its default; both must match it. */
export type ReportLinkComponent = (props: ReportLinkProps) => ReactElement
