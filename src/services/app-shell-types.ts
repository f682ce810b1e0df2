/** The static first screen shown before the app runs; both twins (app-shell.weapp.ts / app-shell.h5.ts) must match it. */
export interface AppShellService {
  /** Removes the static first screen a browser painted before the app ran (index.html); the page is now live. */
  endAppShell (): void
}
