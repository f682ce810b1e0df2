// Types for scripts/words.mjs, which test/poster-line-break.test.ts imports.
export declare const WORD_ADDITIONS: Array<[string, string]>
export declare function segmenterWords (texts: string[]): string[]
export declare function deriveWords (texts: string[]): string[]
export declare function renderWordsModule (words: string[], header: string): string
