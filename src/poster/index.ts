export * from './types'
export { breakLines, NO_LINE_END, NO_LINE_START } from './line-break'
export { codeCard, layoutPoster, opBox, sealGlyphs, tallestEmptyStrip, textBounds } from './layout'
export type { Box, DrawOp, FontSpec, Measure, SealGlyph, TextBox } from './layout'
export {
  posterTemplates, personalPoster, eventCodeCard, shareCovers, NICKNAME_MAX, CAMPAIGN_LINE, PERSONAL_LAYOUTS, TYPE_SCALE,
} from './templates'
export type { PersonalLayout, TypeStyle } from './templates'
