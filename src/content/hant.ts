import { HANT_CHARS, HANT_PHRASES } from './hant.generated'

/**
 * Keys whose values are identifiers or dates, never converted so ids and links stay the same, and
 * the names of the scripts, which each stay in their own (src/words).
 */
const NON_TEXT_KEYS = ['id', 'date', 'url', 'scriptNames']
/** Stand-ins for a template's string arguments while its output is converted: the Private Use Area. */
const KEPT_BASE = 0xe000

const CHARS = new Map<string, string>()
const pairs = Array.from(HANT_CHARS)
for (let i = 0; i < pairs.length; i += 2) CHARS.set(pairs[i], pairs[i + 1])

const PHRASES = new Map<string, string>(HANT_PHRASES)
// Split on a capturing group: the phrases land at the odd indexes. Longest first, so the
// alternation takes the longest phrase at each place.
const PHRASE_PATTERN = HANT_PHRASES.length > 0 ? new RegExp(`(${HANT_PHRASES.map(([from]) => from).join('|')})`) : null

const convertChars = (text: string) => Array.from(text, (ch) => CHARS.get(ch) ?? ch).join('')

/**
 * The campaign text in traditional characters (Hong Kong standard), from the table that
 * scripts/build-content.mjs derives with OpenCC. Exact for the text in src/content only:
 * anything else may keep characters the table has never seen.
 */
export function toHant (text: string): string {
  if (!PHRASE_PATTERN) return convertChars(text)
  return text.split(PHRASE_PATTERN).map((part, i) => (i % 2 === 1 ? PHRASES.get(part) ?? part : convertChars(part))).join('')
}

/**
 * A template's output in 繁體 with its string arguments as given: a name someone typed is theirs,
 * and the table only knows the app's own text.
 */
function hantTemplate (template: (...args: never[]) => string) {
  return (...args: unknown[]) => {
    const kept: string[] = []
    const marked = args.map((arg) => (typeof arg === 'string' ? String.fromCharCode(KEPT_BASE + kept.push(arg) - 1) : arg))
    return toHant((template as (...args: unknown[]) => string)(...marked))
      .replace(/[\ue000-\uf8ff]/g, (ch) => kept[ch.charCodeAt(0) - KEPT_BASE] ?? ch)
  }
}

/**
 * A copy of a piece of content or a group of words with every text converted, templates wrapped
 * (hantTemplate), and ids, dates and script names kept.
 */
export function toHantDeep<T> (value: T): T {
  if (typeof value === 'string') return toHant(value) as T
  if (typeof value === 'function') return hantTemplate(value as (...args: never[]) => string) as T
  if (Array.isArray(value)) return value.map((item: unknown) => toHantDeep(item)) as T
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = NON_TEXT_KEYS.includes(key) ? item : toHantDeep(item)
    return copy as T
  }
  return value
}
