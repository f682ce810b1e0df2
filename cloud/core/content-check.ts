/**
 * Content security for company names. Deployed, this is WeChat's `security.msgSecCheck` v2
 * (cloud/functions/pledge/src/index.ts); locally, the word-list checker below stands in
 * behind the same interface so the handler's behaviour is the same in both places.
 */

/** `result.suggest` of msgSecCheck v2. */
export type ContentVerdict = 'pass' | 'review' | 'risky'

/** Resolves with a verdict; rejects when the check could not run (handled as 'unavailable'). */
export type ContentChecker = ((text: string, identity: string) => Promise<ContentVerdict>) & {
  /** The check costs nothing (no quota, no network): a repeat sign need not be spared it. */
  free?: true
}

/**
 * Longest wait for a verdict, in milliseconds. msgSecCheck has no deadline of its own, and a
 * check that hangs must not use up the function's time limit before the pledge is stored: past
 * this the pledge is stored without the company ('unavailable'), as when the check fails.
 */
export const CONTENT_CHECK_TIMEOUT_MS = 2000

const PENDING = Symbol('pending')

/**
 * `check`'s verdict, or a rejection once CONTENT_CHECK_TIMEOUT_MS pass first. The timer ends
 * with the race, and a verdict (or failure) arriving later is dropped.
 */
export async function checkInTime (check: ContentChecker, text: string, identity: string): Promise<ContentVerdict> {
  const verdict = check(text, identity)
  // A check that has already answered (the local word list) needs no deadline timer.
  const early = await Promise.race([verdict, Promise.resolve(PENDING)])
  if (early !== PENDING) return early
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`content check: no verdict within ${CONTENT_CHECK_TIMEOUT_MS} ms`)), CONTENT_CHECK_TIMEOUT_MS)
  })
  try {
    return await Promise.race([verdict, expired])
  } finally {
    clearTimeout(timer)
  }
}

export interface WordList {
  risky: readonly string[]
  review: readonly string[]
}

/** Placeholder abuse terms for local runs; the real policy lives in WeChat's service. */
export const LOCAL_WORDS: WordList = {
  risky: ['傻逼', '去死', '操你'],
  review: ['赌博', '代开发票'],
}

/** Names whose word-list verdict is remembered; past this the memory starts afresh. */
export const WORD_LIST_VERDICTS_KEPT = 1024

/** Case- and space-insensitive substring match, so "傻 逼" is caught too. */
export function createWordListChecker (words: WordList = LOCAL_WORDS): ContentChecker {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
  const risky = words.risky.map(fold)
  const review = words.review.map(fold)
  // A unit's people type the same name: the list never changes, so a verdict is kept.
  const verdicts = new Map<string, ContentVerdict>()
  const check: ContentChecker = async (text) => {
    const known = verdicts.get(text)
    if (known !== undefined) return known
    const folded = fold(text)
    const verdict = risky.some((word) => folded.includes(word)) ? 'risky' : review.some((word) => folded.includes(word)) ? 'review' : 'pass'
    if (verdicts.size >= WORD_LIST_VERDICTS_KEPT) verdicts.clear()
    verdicts.set(text, verdict)
    return verdict
  }
  check.free = true
  return check
}
