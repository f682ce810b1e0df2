import type { Compiler } from 'webpack'

/** The webpack loader: Taro's generated H5 entry, rewritten to evaluate one import per task. */
declare function stagedBoot (source: string): string
declare namespace stagedBoot {
  /** Runs the loader on the app entry right after Taro's own generator. */
  class StagedBootPlugin {
    apply (compiler: Compiler): void
  }
}
export = stagedBoot
