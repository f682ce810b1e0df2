import { useEffect } from 'react'
import { focusInto } from '@/services/a11y'

/** While `shown`, keyboard focus starts inside dialog `id`; when it closes, focus goes back to where it was. */
export function useDialogFocus (shown: boolean, id: string) {
  useEffect(() => (shown ? focusInto(id) : undefined), [shown, id])
}
