/**
 * Accessibility props for Taro components. WeChat's screen reader reads `aria-role` and
 * `aria-label` (Taro: ariaRole / ariaLabel); browsers need `role`, and an <img> needs `alt`.
 */

/** A tappable View read as a button, with its name when the text alone does not say it. */
export function asButton (label?: string) {
  return { ariaRole: 'button', ...(label === undefined ? {} : { ariaLabel: label }) }
}

/** A heading of the given level (1 = the page title). */
export function asHeading (_level: number) {
  return { ariaRole: 'heading' }
}

/** A set of options of which one is chosen, e.g. a segmented control. */
export function asRadioGroup (label: string) {
  return { ariaRole: 'radiogroup', ariaLabel: label }
}

/** One option of a radio group: its name and whether it is the chosen one. */
export function asRadio (checked: boolean, label: string) {
  return { ariaRole: 'radio', 'aria-checked': checked, ariaLabel: label }
}

/** An accessible name for a control whose visible text does not say what it is (an input). */
export function labelled (label: string) {
  return { ariaLabel: label }
}

/** An image's description, e.g. a poster's words as drawn. */
export function describedImage (description: string) {
  return { ariaLabel: description }
}

/** A full-screen layer over the page, read as a dialog (closing it by key is a browser matter). */
export function asDialog (label: string, _close: () => void) {
  return { ariaRole: 'dialog', ariaLabel: label }
}

/** WeChat's screen reader moves its own focus; there is nothing to move or restore. */
export function focusInto (_id: string): () => void {
  return () => undefined
}
