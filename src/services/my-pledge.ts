import { readStored, store } from './storage'

/** What this device last learnt of my pledge from the function (status, sign or withdraw). */
export type RememberedPledge = { signed: true; number: number } | { signed: false }

/**
 * My pledge as last learnt, so 首页 and 倡议书 can show it without a function call of their own;
 * null when never learnt here (or unreadable): those pages then show the call to pledge.
 */
export function readMyPledge (): RememberedPledge | null {
  const saved = readStored('myPledge')
  if (typeof saved !== 'object' || saved === null) return null
  const { signed, number } = saved as { signed?: unknown; number?: unknown }
  if (signed === false) return { signed: false }
  return signed === true && Number.isInteger(number) && (number as number) > 0 ? { signed: true, number: number as number } : null
}

/** Keeps what the function just said: my pledge's number, or null for no pledge. */
export function rememberMyPledge (pledge: { number: number } | null) {
  const value: RememberedPledge = pledge === null ? { signed: false } : { signed: true, number: pledge.number }
  try {
    store('myPledge', value)
  } catch {
    // Storage full: the other pages keep showing the call to pledge, which still leads here.
  }
}
