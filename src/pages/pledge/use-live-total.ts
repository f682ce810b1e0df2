import { useCallback, useEffect, useRef, useState } from 'react'
import { PUBLIC_STATS_TIMING } from '@shared/protocol'
import type { PublicStats } from '@shared/protocol'
import { readPublicStats } from '@/services/public-stats'

/** While the page is shown the public counts are re-read this often (no function call). */
export const TOTAL_REFRESH_MS = PUBLIC_STATS_TIMING.readEveryMs

/**
 * The public counts the pledge page shows: the whole document as last read (the boards), and the
 * total, whichever is newer of the one in my own function replies (counted "now") and the
 * document's (counted at its `updatedAt`). The document is read on the first show (the boards have
 * nothing else to show), then every TOTAL_REFRESH_MS while `shown` and not at all while hidden; a
 * failed read keeps what is shown.
 */
export function useLiveTotal (shown: boolean) {
  const [total, setTotal] = useState<number | null>(null)
  const [stats, setStats] = useState<PublicStats | null>(null)
  const read = useRef(false)
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
    const next = async () => {
      askedAt.current = Date.now()
      timer = setTimeout(next, TOTAL_REFRESH_MS)
      try {
        const counts = await readPublicStats()
        read.current = true
        setStats(counts)
        offer(counts.total, Date.parse(counts.updatedAt))
      } catch {
        // Counts a little older are no reason to show an error.
      }
    }
    timer = setTimeout(next, read.current ? Math.max(0, askedAt.current + TOTAL_REFRESH_MS - Date.now()) : 0)
    return () => clearTimeout(timer)
  }, [shown, offer])

  return { total, stats, asking, answered }
}
