/**
 * `GET /api/public/stats`: the PUBLIC_STATS document as the local runner serves it, in place of
 * the cloud's `public/stats` database document. One store read serves every viewer for
 * PUBLIC_STATS_REFRESH_MS; no cookie is read or set, so viewing mints no identity.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCode, PUBLIC_STATS_TIMING } from '../cloud/core/protocol'
import { takePublicStats } from '../cloud/core/public-stats'
import type { PledgeStore } from '../cloud/core/store'
import { FUNCTION_WORDS } from '../src/words/function'

export const PUBLIC_STATS_PATH = '/api/public/stats'
/** The counts are read at most this often, as often as the cloud timer rewrites its document. */
export const PUBLIC_STATS_REFRESH_MS = PUBLIC_STATS_TIMING.writtenEveryMs

export interface PublicStatsOptions {
  onError?: (error: unknown) => void
  /** Milliseconds clock, injectable for tests. */
  now?: () => number
}

export function createPublicStatsRoute (store: Pick<PledgeStore, 'stats' | 'listHidden'>, { onError, now = Date.now }: PublicStatsOptions = {}) {
  let cached: { body: string; takenAt: number } | null = null
  // Viewers arriving while the counts are being read wait for that read instead of starting their own.
  let reading: Promise<string> | null = null

  const read = async (): Promise<string> => {
    const takenAt = now()
    try {
      const doc = await takePublicStats(store, new Date(takenAt))
      cached = { body: JSON.stringify(doc), takenAt }
      return cached.body
    } catch (error) {
      onError?.(error)
      throw error
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ code: ErrorCode.BAD_REQUEST, message: FUNCTION_WORDS.runner.useGetForStats, data: null }))
      return
    }
    let body: string
    if (cached !== null && now() - cached.takenAt < PUBLIC_STATS_REFRESH_MS) {
      body = cached.body
    } else {
      reading ??= read().finally(() => { reading = null })
      try {
        body = await reading
      } catch {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        res.end(JSON.stringify({ code: ErrorCode.INTERNAL, message: FUNCTION_WORDS.runner.statsUnavailable, data: null }))
        return
      }
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': `public, max-age=${PUBLIC_STATS_REFRESH_MS / 1000}`,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
