export declare const WRITTEN_FOR: string
export declare const RELIED_ON: string[]
export declare function mismatches (root: string): string[]
export declare function assertTaroVersion (root: string): void
