/**
 * `npm start`: the H5 build and the pledge function on http://127.0.0.1:${PORT:-8080}.
 * Environment: PORT (0 picks a free port), DB_PATH, SESSION_SECRET, RATE_LIMIT, ORGANISER_KEY,
 * ADMIN_IDS (see pledge-local.ts).
 */
import path from 'node:path'
import { createAppServer } from './app'
import { ORGANISER_LOGIN_PATH } from './organiser-login'
import { createLocalPledge } from './pledge-local'

const HOST = '127.0.0.1'
/** Open connections get this long to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000

const port = Number(process.env.PORT ?? 8080)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT 应为 0–65535 的整数，收到 ${process.env.PORT}`)
  process.exit(2)
}

const pledge = createLocalPledge()
const server = createAppServer({
  root: path.resolve('dist/h5'),
  api: { pledge: pledge.route },
  routes: { [ORGANISER_LOGIN_PATH]: pledge.organiserLogin },
})

server.listen(port, HOST, () => {
  const address = server.address()
  const actual = typeof address === 'object' && address !== null ? address.port : port
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
