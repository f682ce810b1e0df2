import type { ReactElement } from 'react'
import type { Tab } from '@/services/navigation'

export interface TabBarProps {
  /** The tab whose page this is. */
  current: Tab
}

/** What each twin (index.weapp.tsx / index.h5.tsx) exports as its default; both must match it. */
export type TabBarComponent = (props: TabBarProps) => ReactElement | null
