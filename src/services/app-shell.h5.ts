import type { AppShellService } from './app-shell-types'

/** config/h5-startup/prerender.mjs wrote the shell and its CSS into index.html. */
export const endAppShell: AppShellService['endAppShell'] = () => {
  document.getElementById('qm-shell')?.remove()
  document.getElementById('qm-shell-style')?.remove()
}
