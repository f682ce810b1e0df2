/** @jest-environment node */
import fs from 'node:fs'
import path from 'node:path'
import {
  DEFAULT_DB_PATH, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_PORT, ORGANISER_KEY_MIN_CHARS,
  readServerConfig, ServerEnvError,
} from './env'
import type { Env } from './env'
import { DEFAULT_NEW_SESSIONS_PER_MINUTE, DEFAULT_RATE_LIMIT } from './limiters'
import { SESSION_SECRET_MIN_BYTES } from './session-cookie'

const ID = '0123456789abcdef0123456789abcdef'

/** The problems readServerConfig lists for `env`; fails the test when it accepts it. */
function problemsOf (env: Env): string[] {
  try {
    readServerConfig(env)
  } catch (error) {
    if (error instanceof ServerEnvError) return error.problems
    throw error
  }
  throw new Error(`accepted ${JSON.stringify(env)}`)
}

test('nothing set: every default', () => {
  expect(readServerConfig({})).toEqual({
    port: DEFAULT_PORT,
    dbPath: DEFAULT_DB_PATH,
    sessionSecret: null,
    organiserKey: null,
    adminIds: [],
    trustProxy: false,
    writeLimit: DEFAULT_RATE_LIMIT,
    newSessionsPerMinute: DEFAULT_NEW_SESSIONS_PER_MINUTE,
    maxConnections: DEFAULT_MAX_CONNECTIONS,
    maxConnectionsPerIp: DEFAULT_MAX_CONNECTIONS_PER_IP,
    skipBuild: false,
  })
  expect([DEFAULT_PORT, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_IP]).toEqual([8080, 1000, 64])
})

test('an empty value counts as unset', () => {
  const names = ['PORT', 'DB_PATH', 'SESSION_SECRET', 'ORGANISER_KEY', 'ADMIN_IDS', 'TRUST_PROXY', 'RATE_LIMIT',
    'NEW_SESSIONS_PER_MINUTE', 'MAX_CONNECTIONS', 'MAX_CONNECTIONS_PER_IP', 'SKIP_BUILD']
  expect(readServerConfig(Object.fromEntries(names.map((name) => [name, ''])))).toEqual(readServerConfig({}))
})

test('every variable, set to a good value', () => {
  expect(readServerConfig({
    PORT: '0',
    DB_PATH: '/tmp/x.db',
    SESSION_SECRET: 's'.repeat(SESSION_SECRET_MIN_BYTES),
    ORGANISER_KEY: 'k'.repeat(ORGANISER_KEY_MIN_CHARS),
    ADMIN_IDS: ` ${ID}, ${'f'.repeat(32)} `,
    RATE_LIMIT: '0.5,2',
    NEW_SESSIONS_PER_MINUTE: '10',
    MAX_CONNECTIONS: '200',
    MAX_CONNECTIONS_PER_IP: '8',
    SKIP_BUILD: '1',
  })).toEqual({
    port: 0,
    dbPath: '/tmp/x.db',
    sessionSecret: 's'.repeat(16),
    organiserKey: 'k'.repeat(16),
    adminIds: [ID, 'f'.repeat(32)],
    trustProxy: false,
    writeLimit: { perSecond: 0.5, burst: 2 },
    newSessionsPerMinute: 10,
    maxConnections: 200,
    maxConnectionsPerIp: 8,
    skipBuild: true,
  })
  expect(readServerConfig({ PORT: '65535', SKIP_BUILD: '0', TRUST_PROXY: 'false' })).toMatchObject({ port: 65535, skipBuild: false, trustProxy: false })
})

test.each([
  ['PORT', ['-1', '65536', '80.5', 'abc', ' 80', '0x50'], /^PORT 应为 0–65535 之间的整数/],
  ['TRUST_PROXY', ['yes', '1', 'TRUE'], /^TRUST_PROXY 应为 "true" 或 "false"/],
  ['SKIP_BUILD', ['yes', 'true'], /^SKIP_BUILD 应为 "1" 或 "0"/],
  ['RATE_LIMIT', ['on', '10', '0,5', '5,0', '-1,5', '5,2.5', '5, 2', 'fast'], /^RATE_LIMIT 应为 "off" 或/],
  ['NEW_SESSIONS_PER_MINUTE', ['0', '-3', '2.5', 'off', 'many'], /^NEW_SESSIONS_PER_MINUTE 应为 不小于 1 的整数/],
  ['MAX_CONNECTIONS', ['0', '1e3', 'lots'], /^MAX_CONNECTIONS 应为 不小于 1 的整数/],
  ['MAX_CONNECTIONS_PER_IP', ['0', 'off'], /^MAX_CONNECTIONS_PER_IP 应为 不小于 1 的整数/],
  ['ADMIN_IDS', [`${ID},someone`, ID.toUpperCase(), ID.slice(1)], /^ADMIN_IDS 应为会话 id/],
])('%s: bad values are refused, naming the variable', (name, values, message) => {
  for (const value of values) {
    const problems = problemsOf({ [name]: value })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  }
})

test(`SESSION_SECRET needs ${SESSION_SECRET_MIN_BYTES} bytes and ORGANISER_KEY ${ORGANISER_KEY_MIN_CHARS} characters; neither is echoed`, () => {
  const secret = 's'.repeat(SESSION_SECRET_MIN_BYTES - 1)
  const key = '钥'.repeat(ORGANISER_KEY_MIN_CHARS - 1)
  const problems = problemsOf({ SESSION_SECRET: secret, ORGANISER_KEY: key })
  expect(problems).toEqual([
    `SESSION_SECRET 至少 ${SESSION_SECRET_MIN_BYTES} 字节，现为 ${SESSION_SECRET_MIN_BYTES - 1} 字节`,
    `ORGANISER_KEY 至少 ${ORGANISER_KEY_MIN_CHARS} 个字符，现为 ${ORGANISER_KEY_MIN_CHARS - 1} 个`,
  ])
  expect(problems.join()).not.toContain(secret)
  expect(problems.join()).not.toContain('钥钥')
  // Bytes for the secret (6 CJK characters are 18 bytes), characters for the key.
  expect(readServerConfig({ SESSION_SECRET: '质量月质量月' }).sessionSecret).toBe('质量月质量月')
})

test('RATE_LIMIT=off turns off every per-IP limit (the benchmark switch) and cannot be mixed with one', () => {
  expect(readServerConfig({ RATE_LIMIT: 'off' })).toMatchObject({
    writeLimit: false, newSessionsPerMinute: false, maxConnectionsPerIp: false, maxConnections: DEFAULT_MAX_CONNECTIONS,
  })
  expect(problemsOf({ RATE_LIMIT: 'off', NEW_SESSIONS_PER_MINUTE: '10', MAX_CONNECTIONS_PER_IP: '5' })).toEqual([
    'RATE_LIMIT=off 关闭了所有按 IP 的限制，不能同时设置 NEW_SESSIONS_PER_MINUTE',
    'RATE_LIMIT=off 关闭了所有按 IP 的限制，不能同时设置 MAX_CONNECTIONS_PER_IP',
  ])
})

test('TRUST_PROXY=true: every connection comes from the proxy, so there is no per-IP connection cap to set', () => {
  expect(readServerConfig({ TRUST_PROXY: 'true' })).toMatchObject({
    trustProxy: true, maxConnectionsPerIp: false, newSessionsPerMinute: DEFAULT_NEW_SESSIONS_PER_MINUTE, writeLimit: DEFAULT_RATE_LIMIT,
  })
  expect(problemsOf({ TRUST_PROXY: 'true', MAX_CONNECTIONS_PER_IP: '10' })).toEqual([
    expect.stringMatching(/^TRUST_PROXY=true 时.*MAX_CONNECTIONS_PER_IP 不适用/),
  ])
})

test('several problems are listed together, in one error whose message names each', () => {
  const env = {
    PORT: 'abc', ORGANISER_KEY: 'short', TRUST_PROXY: 'yes', RATE_LIMIT: 'fast', SESSION_SECRET: 'x',
    ADMIN_IDS: 'bob', MAX_CONNECTIONS: '0', NEW_SESSIONS_PER_MINUTE: '-1', MAX_CONNECTIONS_PER_IP: 'x', SKIP_BUILD: 'no',
  }
  expect(() => readServerConfig(env)).toThrow(ServerEnvError)
  const problems = problemsOf(env)
  expect(problems).toHaveLength(Object.keys(env).length)
  for (const name of Object.keys(env)) expect(problems.filter((problem) => problem.startsWith(`${name} `))).toHaveLength(1)
  const message = new ServerEnvError(problems).message
  expect(message.split('\n')).toHaveLength(problems.length + 1)
  expect(message).toContain('（10 处）')
})

test('nothing else reads the environment: main.ts and scripts/start.mjs hand process.env whole to readServerConfig', () => {
  const serverDir = __dirname
  const files = fs.readdirSync(serverDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => path.join(serverDir, name))
  files.push(path.join(serverDir, '../scripts/start.mjs'))
  const readers = files.flatMap((file) => {
    const uses = fs.readFileSync(file, 'utf8').match(/\S*process\.env\S*/g) ?? []
    return uses.map((use) => `${path.basename(file)}: ${use}`)
  })
  expect(readers).toEqual(['main.ts: readServerConfig(process.env)', 'start.mjs: readServerConfig(process.env)'])
})
