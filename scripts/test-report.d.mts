// Types for scripts/test-report.mjs, which test/test-report.test.ts imports.
export interface TierResult {
  passed: number
  failed: number
  /** One line per test that was skipped or left todo (empty when all ran). */
  notRun: string[]
}

export declare function readJestReport (report: unknown, root?: string): TierResult
export declare function readNodeTestOutput (out: string): TierResult
