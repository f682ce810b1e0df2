/**
 * `npm start`: the H5 build, the pledge function and the public counts on
 * http://127.0.0.1:${PORT:-8080}. Every setting is an environment variable read by env.ts; a
 * bad one stops the start with the list of all of them.
 */
import path from 'node:path'
import { createAppServer } from './app'
import { readServerConfig, ServerEnvError } from './env'
import type { ServerConfig } from './env'
import { ORGANISER_LOGIN_PATH } from './organiser-login'
import { createLocalPledge } from './pledge-local'
import { PUBLIC_STATS_PATH } from './public-stats'

const HOST = '127.0.0.1'
/** Open connections get this long to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000

let config: ServerConfig
try {
  config = readServerConfig(process.env)
} catch (error) {
  if (!(error instanceof ServerEnvError)) throw error
  console.error(error.message)
  process.exit(2)
}

const pledge = createLocalPledge(config)
const server = createAppServer({
  root: path.resolve('dist/h5'),
  api: { pledge: pledge.route },
  routes: { [ORGANISER_LOGIN_PATH]: pledge.organiserLogin, [PUBLIC_STATS_PATH]: pledge.publicStats },
  connections: { max: config.maxConnections, perIp: config.maxConnectionsPerIp },
})

server.listen(config.port, HOST, () => {
  const address = server.address()
  const actual = typeof address === 'object' && address !== null ? address.port : config.port
  console.log(`质量月 H5: http://${HOST}:${actual}/`)
  console.log(`组织者入口：http://${HOST}:${actual}${ORGANISER_LOGIN_PATH}?key=${encodeURIComponent(pledge.organiserKey)}`)
})

let stopping = false
function shutdown () {
  if (stopping) return
  stopping = true
  server.close(() => {
    pledge.close().then(() => process.exit(0), () => process.exit(1))
  })
  server.closeIdleConnections()
  setTimeout(() => {
    server.closeAllConnections()
  }, SHUTDOWN_GRACE_MS).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
