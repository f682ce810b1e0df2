import { useLayoutEffect } from 'react'
import { endAppShell } from '@/services/app-shell'

/**
 * For tab pages, which have a static first screen in the H5 index.html: once the live page is in
 * the DOM, and before it is painted, the static copy goes, so the reader sees one page throughout.
 */
export function useAppShellHandOver () {
  useLayoutEffect(() => endAppShell(), [])
}
