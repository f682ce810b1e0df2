/** Browser twin of a11y.weapp.ts: ARIA roles, keyboard focus and keys for tappable Views, alt on images. */

interface KeyEvent {
  key: string
  currentTarget: EventTarget | null
  preventDefault: () => void
}

// A focused <button> clicks on Enter and Space; a View read as one must too, or a keyboard user
// reaches it and cannot use it.
function clickOnKey (event: KeyEvent) {
  if (event.key !== 'Enter' && event.key !== ' ') return
  event.preventDefault()
  ;(event.currentTarget as HTMLElement).click()
}

export function asButton (label?: string) {
  return { role: 'button', tabIndex: 0, onKeyDown: clickOnKey, ...(label === undefined ? {} : { 'aria-label': label }) }
}

export function asHeading (level: number) {
  return { role: 'heading', 'aria-level': level }
}

export function asRadioGroup (label: string) {
  return { role: 'radiogroup', 'aria-label': label }
}

export function asRadio (checked: boolean, label: string) {
  return { role: 'radio', 'aria-checked': checked, tabIndex: 0, onKeyDown: clickOnKey, 'aria-label': label }
}

/** An accessible name for a control whose visible text does not say what it is (an input). */
export function labelled (label: string) {
  return { 'aria-label': label }
}

// Taro's H5 <Image> (React, useHtmlComponents) passes imgProps to its inner <img>.
export function describedImage (description: string) {
  return { imgProps: { alt: description } }
}
