/**
 * Props to spread onto a Taro component. Each platform names them its own way (WeChat's screen
 * reader: ariaRole / ariaLabel; browsers: role, aria-*, tabIndex, key handlers, imgProps.alt), so
 * callers only ever spread them.
 */
export type A11yProps = Record<string, unknown>

/** What each twin (a11y.weapp.ts / a11y.h5.ts) provides; both must match it. */
export interface A11yService {
  /** A tappable View read as a button, with its name when the text alone does not say it. */
  asButton (label?: string): A11yProps
  /** A heading of the given level (1 = the page title). */
  asHeading (level: number): A11yProps
  /** A set of options of which one is chosen, e.g. a segmented control. */
  asRadioGroup (label: string): A11yProps
  /** One option of a radio group: whether it is the chosen one, and its name. */
  asRadio (checked: boolean, label: string): A11yProps
  /** An accessible name for a control whose visible text does not say what it is (an input). */
  labelled (label: string): A11yProps
  /** An image's description, e.g. a poster's words as drawn. */
  describedImage (description: string): A11yProps
  /** A full-screen layer over the page, read as a modal dialog; `close` is what dismissing it does. */
  asDialog (label: string, close: () => void): A11yProps
  /** Moves focus into the element `id` (a dialog just shown); returns what moves it back. */
  focusInto (id: string): () => void
}
