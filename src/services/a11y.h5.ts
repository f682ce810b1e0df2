/** Browser twin of a11y.weapp.ts: ARIA roles, keyboard focus for tappable Views, alt on images. */

export function asButton (label?: string) {
  return { role: 'button', tabIndex: 0, ...(label === undefined ? {} : { ariaLabel: label }) }
}

export function asHeading (level: number) {
  return { role: 'heading', 'aria-level': level }
}

export function asRadioGroup (label: string) {
  return { role: 'radiogroup', ariaLabel: label }
}

export function asRadio (checked: boolean, label: string) {
  return { role: 'radio', 'aria-checked': checked, tabIndex: 0, ariaLabel: label }
}

// Taro's H5 <Image> puts nativeProps on its inner <img>.
export function describedImage (description: string) {
  return { nativeProps: { alt: description } }
}
