import type { SystemFontService } from './system-font-types'

/** Browsers scale pages themselves (zoom, minimum font size). */
export const systemFontSize: SystemFontService['systemFontSize'] = () => null
