/**
 * Every environment variable of the local runner (`npm start`, server/ and scripts/start.mjs),
 * read and checked here and nowhere else. `readServerConfig` returns a typed config or throws
 * one ServerEnvError that lists every problem at once. An empty value counts as unset.
 */
import { parseAdminList } from '../cloud/core/admins'
import { DEFAULT_NEW_SESSIONS_PER_MINUTE, DEFAULT_RATE_LIMIT } from './limiters'
import type { RateLimit } from './limiters'
import { SESSION_SECRET_MIN_BYTES } from './session-cookie'

export type Env = Record<string, string | undefined>

export const DEFAULT_PORT = 8080
export const DEFAULT_DB_PATH = '.data/pledge.db'
/** The key is the organiser's only credential and sits in a URL: long enough not to be guessed. */
export const ORGANISER_KEY_MIN_CHARS = 16
/** Below the common limit of 1024 open files per process, leaving room for the database and static files. */
export const DEFAULT_MAX_CONNECTIONS = 1000
/**
 * A browser opens at most 6 connections per host, so this fits a few people behind one address
 * (and bench/pledge.mjs's 50), while one address cannot take the whole of DEFAULT_MAX_CONNECTIONS.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_IP = 64

export interface ServerConfig {
  /** 0 picks a free port. */
  port: number
  /** Relative to the working directory. */
  dbPath: string
  /** null: a random secret kept in .data/session-secret. */
  sessionSecret: string | null
  /** null: a random key at each start. */
  organiserKey: string | null
  /** More local admins: visitor session ids. */
  adminIds: string[]
  /** Take the client IP from X-Forwarded-For (one trusted reverse proxy in front). */
  trustProxy: boolean
  /** Writes per client IP; false with RATE_LIMIT=off. */
  writeLimit: RateLimit | false
  /** New session identities per client IP and minute; false with RATE_LIMIT=off. */
  newSessionsPerMinute: number | false
  maxConnections: number
  /** false with RATE_LIMIT=off, or with TRUST_PROXY where every connection comes from the proxy. */
  maxConnectionsPerIp: number | false
  /** scripts/start.mjs: run the existing dist/h5 without rebuilding it. */
  skipBuild: boolean
}

export class ServerEnvError extends Error {
  readonly problems: string[]

  constructor (problems: string[]) {
    super(`环境变量有误（${problems.length} 处），服务未启动：\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ServerEnvError'
    this.problems = problems
  }
}

const VISITOR_ID = /^[0-9a-f]{32}$/

export function readServerConfig (env: Env): ServerConfig {
  const problems: string[] = []
  const given = (name: string): string | undefined => (env[name] === '' ? undefined : env[name])

  const integer = (name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number => {
    const value = given(name)
    if (value === undefined) return fallback
    if (/^\d{1,15}$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value)
    const range = max === Number.MAX_SAFE_INTEGER ? `不小于 ${min} 的整数` : `${min}–${max} 之间的整数`
    problems.push(`${name} 应为 ${range}，收到 "${value}"`)
    return fallback
  }
  const choice = (name: string, yes: string, no: string): boolean => {
    const value = given(name)
    if (value === undefined || value === no) return false
    if (value === yes) return true
    problems.push(`${name} 应为 "${yes}" 或 "${no}"，收到 "${value}"`)
    return false
  }

  const port = integer('PORT', DEFAULT_PORT, 0, 65535)
  const trustProxy = choice('TRUST_PROXY', 'true', 'false')
  const skipBuild = choice('SKIP_BUILD', '1', '0')
  const newSessions = integer('NEW_SESSIONS_PER_MINUTE', DEFAULT_NEW_SESSIONS_PER_MINUTE)
  const maxConnections = integer('MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS)
  const perIp = integer('MAX_CONNECTIONS_PER_IP', DEFAULT_MAX_CONNECTIONS_PER_IP)

  const rateLimit = given('RATE_LIMIT')
  let writeLimit: RateLimit | false = DEFAULT_RATE_LIMIT
  if (rateLimit === 'off') {
    writeLimit = false
    for (const name of ['NEW_SESSIONS_PER_MINUTE', 'MAX_CONNECTIONS_PER_IP']) {
      if (given(name) !== undefined) problems.push(`RATE_LIMIT=off 关闭了所有按 IP 的限制，不能同时设置 ${name}`)
    }
  } else if (rateLimit !== undefined) {
    const match = /^(\d+(?:\.\d+)?),(\d+)$/.exec(rateLimit)
    const perSecond = Number(match?.[1])
    const burst = Number(match?.[2])
    if (match !== null && perSecond > 0 && burst >= 1) writeLimit = { perSecond, burst }
    else problems.push(`RATE_LIMIT 应为 "off" 或 "每秒补充数,桶容量"（都大于 0，桶容量为整数，如 "5,20"），收到 "${rateLimit}"`)
  }
  if (trustProxy && given('MAX_CONNECTIONS_PER_IP') !== undefined) {
    problems.push('TRUST_PROXY=true 时所有连接都来自代理，MAX_CONNECTIONS_PER_IP 不适用（请在代理上限制每个 IP 的连接数）')
  }

  // Secrets are measured, never echoed: the message may end up in a shared log.
  const sessionSecret = given('SESSION_SECRET') ?? null
  const secretBytes = sessionSecret === null ? 0 : Buffer.byteLength(sessionSecret, 'utf8')
  if (sessionSecret !== null && secretBytes < SESSION_SECRET_MIN_BYTES) {
    problems.push(`SESSION_SECRET 至少 ${SESSION_SECRET_MIN_BYTES} 字节，现为 ${secretBytes} 字节`)
  }
  const organiserKey = given('ORGANISER_KEY') ?? null
  const keyChars = organiserKey === null ? 0 : [...organiserKey].length
  if (organiserKey !== null && keyChars < ORGANISER_KEY_MIN_CHARS) {
    problems.push(`ORGANISER_KEY 至少 ${ORGANISER_KEY_MIN_CHARS} 个字符，现为 ${keyChars} 个`)
  }

  const adminIds = parseAdminList(given('ADMIN_IDS'))
  const notIds = adminIds.filter((id) => !VISITOR_ID.test(id))
  if (notIds.length > 0) {
    problems.push(`ADMIN_IDS 应为会话 id（Cookie qm_sid 中 “.” 之前的 32 位小写十六进制），用逗号分隔；这些不是：${notIds.join('、')}`)
  }

  if (problems.length > 0) throw new ServerEnvError(problems)
  const off = writeLimit === false
  return {
    port,
    dbPath: given('DB_PATH') ?? DEFAULT_DB_PATH,
    sessionSecret,
    organiserKey,
    adminIds,
    trustProxy,
    writeLimit,
    newSessionsPerMinute: off ? false : newSessions,
    maxConnections,
    maxConnectionsPerIp: off || trustProxy ? false : perIp,
    skipBuild,
  }
}
