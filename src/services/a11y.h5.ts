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

/** A full-screen layer over the page, read as a modal dialog; Escape closes it, as it does a browser's. */
export function asDialog (label: string, close: () => void) {
  return {
    role: 'dialog',
    'aria-modal': true,
    'aria-label': label,
    onKeyDown: (event: KeyEvent) => { if (event.key === 'Escape') close() },
  }
}

/**
 * Moves keyboard focus to the first control inside element `id` (a dialog just shown) and returns
 * what puts it back where it was: a keyboard or screen-reader user starts in the dialog, and
 * returns to the control that opened it.
 */
export function focusInto (id: string): () => void {
  const before = document.activeElement
  document.getElementById(id)?.querySelector<HTMLElement>('[tabindex], button, a[href], input')?.focus()
  return () => { if (before instanceof HTMLElement) before.focus() }
}
