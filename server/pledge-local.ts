/**
 * The pledge function as the local runner serves it: the same handler as the cloud, with the
 * SQLite store, the word-list content check and a signed session cookie for identity, plus the
 * organiser login (GET /organiser?key=…) that makes a browser the local admin `organiser`, and
 * the public counts (GET /api/public/stats). Settings come from env.ts.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createWordListChecker } from '../cloud/core/content-check'
import { handle } from '../cloud/core/handle'
import { openSqliteStore } from '../cloud/core/stores/sqlite'
import type { ServerConfig } from './env'
import { createRateLimiter, createWindowLimiter, NEW_SESSIONS_WINDOW_MS } from './limiters'
import { createOrganiserLogin, randomOrganiserKey } from './organiser-login'
import { createFunctionRoute } from './pledge-route'
import type { FunctionRoute } from './pledge-route'
import { createPublicStatsRoute } from './public-stats'
import { createSessionKeys, LOCAL_ORGANISER } from './session-cookie'

export type LocalPledgeConfig = Pick<ServerConfig, 'dbPath' | 'sessionSecret' | 'organiserKey' | 'adminIds' | 'trustProxy' | 'writeLimit' | 'newSessionsPerMinute'>

export interface LocalPledge {
  route: FunctionRoute
  /** GET /organiser?key=… */
  organiserLogin: FunctionRoute
  /** GET /api/public/stats */
  publicStats: FunctionRoute
  organiserKey: string
  dbPath: string
  close (): Promise<void>
}

/** The secret survives restarts so browsers keep their identity; it never leaves .data/. */
function loadSecret (configured: string | null, dataDir: string): string {
  if (configured !== null) return configured
  const file = path.join(dataDir, 'session-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true })
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      // Another process created it first; use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return fs.readFileSync(file, 'utf8').trim()
}

/** `root` is the working directory: .data/ and a relative dbPath are inside it. */
export function createLocalPledge (config: LocalPledgeConfig, root: string = process.cwd()): LocalPledge {
  const dataDir = path.join(root, '.data')
  const dbPath = path.resolve(root, config.dbPath)
  fs.mkdirSync(path.dirname(dbPath), { recursive: true })
  const key = config.organiserKey ?? randomOrganiserKey()
  const sessions = createSessionKeys({ secret: loadSecret(config.sessionSecret, dataDir), organiserKey: key })
  const limiter = createRateLimiter(config.writeLimit)
  const newSessions = createWindowLimiter(config.newSessionsPerMinute, NEW_SESSIONS_WINDOW_MS)
  const admins = [LOCAL_ORGANISER, ...config.adminIds]
  const isAdmin = (identity: string) => admins.includes(identity)
  const store = openSqliteStore(dbPath)
  const contentCheck = createWordListChecker()
  const onError = (error: unknown) => console.error('pledge:', error)
  const { trustProxy } = config
  // No makeCode dep: shareCode and eventCode answer codeFileId null and the H5 client draws a QR code of its own URL.
  const route = createFunctionRoute((identity, data) => handle(identity, data, { store, contentCheck, isAdmin, onError }), {
    sessions, limiter, newSessions, trustProxy, onError,
  })
  const organiserLogin = createOrganiserLogin({ sessions, key, limiter, trustProxy })
  const publicStats = createPublicStatsRoute(store, { onError })
  return { route, organiserLogin, publicStats, organiserKey: key, dbPath, close: () => store.close() }
}
