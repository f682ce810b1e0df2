/** What each platform twin (platform.weapp.ts / platform.h5.ts) provides; both must match it. */
export interface Platform {
  /** Sets up the platform's cloud access once, at app launch. */
  initCloud (): void
  /** Calls a cloud function; resolves with its raw result, rejects only on network failure. */
  invoke (name: string, data: object): Promise<unknown>
  /** The WeChat scene the app was opened from (1154 = Moments single-page mode); null on H5. */
  launchScene (): number | null
  /** The `scene` query the app was last entered with (a code or a shared link), raw. */
  entryScene (): unknown
  /** WeChat's own font size (设置 → 字体大小) in px; null where the platform has none (H5). */
  systemFontSize (): number | null
  /** Removes the static first screen a browser painted before the app ran (index.html); the page is now live. */
  endAppShell (): void
  isOnline (): Promise<boolean>
  /** Calls back when the connection comes back; returns the unsubscribe function. */
  onOnline (callback: () => void): () => void
}

/** A failure of the transport itself (no connection, timeout), never a function's reply. */
export class NetworkError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'NetworkError'
  }
}
