import type { Tab } from './navigation'

/** The bars around a page, drawn by WeChat or by the browser, set in the reader's script. */
export interface BarsService {
  /** The navigation bar's title (the browser tab's title in H5). Best effort: never throws. */
  showTitle (title: string): Promise<void>
  /**
   * The tab bar's labels, from a tab page: WeChat's own tab bar; nothing in the browser, whose tab
   * bar is part of the page (components/tab-bar). Best effort: never throws.
   */
  showTabLabels (labels: Readonly<Record<Tab, string>>): Promise<void>
}
