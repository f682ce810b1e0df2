import type { AppShellService } from './app-shell-types'

/** WeChat shows its own launch screen until the first page renders: there is no shell. */
export const endAppShell: AppShellService['endAppShell'] = () => {}
