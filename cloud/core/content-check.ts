/**
 * Content security for company names. Deployed, this is WeChat's `security.msgSecCheck` v2
 * (cloud/functions/pledge/src/index.ts); locally, the word-list checker below stands in
 * behind the same interface so the handler's behaviour is the same in both places.
 */

/** `result.suggest` of msgSecCheck v2. */
export type ContentVerdict = 'pass' | 'review' | 'risky'

/** Resolves with a verdict; rejects when the check could not run (handled as 'unavailable'). */
export type ContentChecker = (text: string, identity: string) => Promise<ContentVerdict>

export interface WordList {
  risky: readonly string[]
  review: readonly string[]
}

/** Placeholder abuse terms for local runs; the real policy lives in WeChat's service. */
export const LOCAL_WORDS: WordList = {
  risky: ['傻逼', '去死', '操你'],
  review: ['赌博', '代开发票'],
}

/** Case- and space-insensitive substring match, so "傻 逼" is caught too. */
export function createWordListChecker (words: WordList = LOCAL_WORDS): ContentChecker {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
  const risky = words.risky.map(fold)
  const review = words.review.map(fold)
  return async (text) => {
    const folded = fold(text)
    if (risky.some((word) => folded.includes(word))) return 'risky'
    if (review.some((word) => folded.includes(word))) return 'review'
    return 'pass'
  }
}
