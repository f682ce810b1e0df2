import type { A11yService } from './a11y-types'

/**
 * Accessibility props for Taro components. WeChat's screen reader reads `aria-role` and
 * `aria-label` (Taro: ariaRole / ariaLabel); browsers need `role`, and an <img> needs `alt`.
 */

export const asButton: A11yService['asButton'] = (label) => ({ ariaRole: 'button', ...(label === undefined ? {} : { ariaLabel: label }) })

// WeChat's screen reader has no heading levels.
export const asHeading: A11yService['asHeading'] = () => ({ ariaRole: 'heading' })

export const asRadioGroup: A11yService['asRadioGroup'] = (label) => ({ ariaRole: 'radiogroup', ariaLabel: label })

export const asRadio: A11yService['asRadio'] = (checked, label) => ({ ariaRole: 'radio', 'aria-checked': checked, ariaLabel: label })

export const labelled: A11yService['labelled'] = (label) => ({ ariaLabel: label })

export const describedImage: A11yService['describedImage'] = (description) => ({ ariaLabel: description })

// Closing a dialog by key is a browser matter.
export const asDialog: A11yService['asDialog'] = (label) => ({ ariaRole: 'dialog', ariaLabel: label })

/** WeChat's screen reader moves its own focus; there is nothing to move or restore. */
export const focusInto: A11yService['focusInto'] = () => () => undefined
