import { useCallback, useEffect, useRef, useState } from 'react'
import { PUBLIC_STATS_TIMING } from '../../../cloud/core/protocol'
import { readPublicStats } from '@/services/public-stats'

/** While the page is shown the total is re-read from the public counts this often (no function call). */
export const TOTAL_REFRESH_MS = PUBLIC_STATS_TIMING.readEveryMs

/**
 * The total the pledge page shows: whichever is newer of the total in my own function replies
 * (counted "now") and the public counts (counted at their `updatedAt`). The public counts are read
 * every TOTAL_REFRESH_MS while `shown`, and not at all while hidden; a failed read keeps the total.
 */
export function useLiveTotal (shown: boolean) {
  const [total, setTotal] = useState<number | null>(null)
  /** When the shown total was counted. */
  const countedAt = useRef(0)
  /** When a total was last asked for, from either source: the next public read is due a period later. */
  const askedAt = useRef(0)

  const offer = useCallback((value: number, at: number) => {
    if (at <= countedAt.current) return
    countedAt.current = at
    setTotal(value)
  }, [])

  /** A call of mine that answers with the total has gone out. */
  const asking = useCallback(() => { askedAt.current = Date.now() }, [])
  /** The total in my own reply: the count as of now. */
  const answered = useCallback((value: number) => offer(value, Date.now()), [offer])

  useEffect(() => {
    if (!shown) return
    let timer: ReturnType<typeof setTimeout>
    const read = async () => {
      askedAt.current = Date.now()
      timer = setTimeout(read, TOTAL_REFRESH_MS)
      try {
        const stats = await readPublicStats()
        offer(stats.total, Date.parse(stats.updatedAt))
      } catch {
        // A count a little older is no reason to show an error.
      }
    }
    timer = setTimeout(read, Math.max(0, askedAt.current + TOTAL_REFRESH_MS - Date.now()))
    return () => clearTimeout(timer)
  }, [shown, offer])

  return { total, asking, answered }
}
