import type { Tab } from '@/services/navigation'

/** WeChat draws the tab bar from app.config.ts; the browser twin draws one in the page. */
export default function TabBar (_props: { current: Tab }) {
  return null
}
