/**
 * The pledge function as the local runner serves it: the same handler as the cloud, with the
 * SQLite store, the word-list content check and a signed session cookie for identity, plus the
 * organiser login (GET /organiser?key=…) that makes a browser the local admin `organiser`.
 * Environment: DB_PATH (default .data/pledge.db), SESSION_SECRET (default: a random secret
 * kept in .data/session-secret), RATE_LIMIT ("off" or "<perSecond>,<burst>"), ORGANISER_KEY
 * (default: random at each start), ADMIN_IDS (more admin session ids, comma-separated).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseAdminList } from '../cloud/core/admins'
import { createWordListChecker } from '../cloud/core/content-check'
import { handle } from '../cloud/core/handle'
import { openSqliteStore } from '../cloud/core/stores/sqlite'
import { createOrganiserLogin, organiserKey } from './organiser-login'
import { createFunctionRoute, createRateLimiter, parseRateLimit } from './pledge-route'
import type { FunctionRoute } from './pledge-route'
import { LOCAL_ORGANISER } from './session-cookie'

/** Reads the variables above; `process.env` by default. */
export type LocalPledgeEnv = Record<string, string | undefined>

export interface LocalPledge {
  route: FunctionRoute
  /** GET /organiser?key=… */
  organiserLogin: FunctionRoute
  organiserKey: string
  dbPath: string
  close (): Promise<void>
}

/** The secret survives restarts so browsers keep their identity; it never leaves .data/. */
function loadSecret (env: LocalPledgeEnv, dataDir: string): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
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

export function createLocalPledge (env: LocalPledgeEnv = process.env, root: string = process.cwd()): LocalPledge {
  const dataDir = path.join(root, '.data')
  const dbPath = path.resolve(root, env.DB_PATH || path.join('.data', 'pledge.db'))
  fs.mkdirSync(path.dirname(dbPath), { recursive: true })
  const limiter = createRateLimiter(parseRateLimit(env.RATE_LIMIT))
  const secret = loadSecret(env, dataDir)
  const key = organiserKey(env.ORGANISER_KEY)
  const admins = [LOCAL_ORGANISER, ...parseAdminList(env.ADMIN_IDS)]
  const isAdmin = (identity: string) => admins.includes(identity)
  const store = openSqliteStore(dbPath)
  const contentCheck = createWordListChecker()
  const onError = (error: unknown) => console.error('pledge:', error)
  try {
    // No makeCode dep: shareCode and eventCode answer codeFileId null and the H5 client draws a QR code of its own URL.
    const route = createFunctionRoute((identity, data) => handle(identity, data, { store, contentCheck, isAdmin, onError }), {
      secret, limiter, onError,
    })
    const organiserLogin = createOrganiserLogin({ secret, key, limiter })
    return { route, organiserLogin, organiserKey: key, dbPath, close: () => store.close() }
  } catch (error) {
    // A bad secret must not leave the database and its checkpointer thread open.
    void store.close()
    throw error
  }
}
