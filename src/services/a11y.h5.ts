import type { A11yService } from './a11y-types'

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

export const asButton: A11yService['asButton'] = (label) => ({ role: 'button', tabIndex: 0, onKeyDown: clickOnKey, ...(label === undefined ? {} : { 'aria-label': label }) })

export const asHeading: A11yService['asHeading'] = (level) => ({ role: 'heading', 'aria-level': level })

export const asRadioGroup: A11yService['asRadioGroup'] = (label) => ({ role: 'radiogroup', 'aria-label': label })

export const asRadio: A11yService['asRadio'] = (checked, label) => ({ role: 'radio', 'aria-checked': checked, tabIndex: 0, onKeyDown: clickOnKey, 'aria-label': label })

export const labelled: A11yService['labelled'] = (label) => ({ 'aria-label': label })

// Taro's H5 <Image> (React, useHtmlComponents) passes imgProps to its inner <img>.
export const describedImage: A11yService['describedImage'] = (description) => ({ imgProps: { alt: description } })

/** Escape closes a modal dialog, as it does a browser's own. */
export const asDialog: A11yService['asDialog'] = (label, close) => ({
  role: 'dialog',
  'aria-modal': true,
  'aria-label': label,
  onKeyDown: (event: KeyEvent) => { if (event.key === 'Escape') close() },
})

/**
 * Focus goes to the first control inside the dialog and back to where it was: a keyboard or
 * screen-reader user starts in the dialog, and returns to the control that opened it.
 */
export const focusInto: A11yService['focusInto'] = (id) => {
  const before = document.activeElement
  document.getElementById(id)?.querySelector<HTMLElement>('[tabindex], button, a[href], input')?.focus()
  return () => { if (before instanceof HTMLElement) before.focus() }
}
