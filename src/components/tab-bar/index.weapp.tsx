import type { TabBarComponent } from './types'

/** WeChat draws the tab bar from app.config.ts; the browser twin draws one in the page. */
const TabBar: TabBarComponent = () => null

export default TabBar
