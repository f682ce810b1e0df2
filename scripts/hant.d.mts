// Types for scripts/hant.mjs, which test/hant.test.ts and test/words.test.ts import.
export type HantPair = [string, string]

export interface HantTable {
  chars: HantPair[]
  phrases: HantPair[]
}

export declare const HANT_CORRECTIONS: HantPair[]
export declare const NON_TEXT_KEYS: string[]
export declare function referenceHant (text: string): string
export declare function contentTexts (value: unknown): string[]
export declare function wordTexts (dir: string): string[]
export declare function applyHantTable (table: HantTable, text: string): string
export declare function deriveHantTable (texts: string[]): HantTable
export declare function renderHantModule (table: HantTable, header: string): string
