/** @jest-environment node */
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createAppServer, DEFAULT_CONNECTION_LIMITS, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './app'
import type { ConnectionLimits } from './app'

// Linux routes all of 127.0.0.0/8 to loopback: a client bound to 127.0.0.2 is another address
// to the server, so one machine can play the flooding client and an ordinary one.
const FLOODER = '127.0.0.1'
const VISITOR = '127.0.0.2'
/** Short for the test; the real one is HEADERS_TIMEOUT_MS. */
const TEST_HEADERS_TIMEOUT_MS = 800

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'connections-'))
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>质量月</title>')

const servers: http.Server[] = []
const sockets: net.Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

async function start (connections: Partial<ConnectionLimits>) {
  const server = createAppServer({ root, connections })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

interface Client { closed: boolean; closedAfterMs: number; received: string }

/**
 * A connection from `localAddress` that sends a request line and then, if `trickle`, one more
 * header line every 100 ms without ever ending the headers (silent: it sends nothing at all).
 */
function connect (port: number, localAddress: string, trickle: boolean): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client: Client = { closed: false, closedAfterMs: -1, received: '' }
    const opened = Date.now()
    const socket = net.connect({ port, host: '127.0.0.1', localAddress })
    sockets.push(socket)
    let timer: NodeJS.Timeout | undefined
    socket.on('data', (chunk) => { client.received += chunk.toString('latin1') })
    socket.on('error', () => { /* a reset is one way of being closed */ })
    socket.on('close', () => {
      clearInterval(timer)
      client.closed = true
      client.closedAfterMs = Date.now() - opened
    })
    socket.once('connect', () => {
      if (trickle) {
        socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n')
        let n = 0
        timer = setInterval(() => { if (!socket.destroyed) socket.write(`X-Slow-${n++}: 1\r\n`) }, 100)
      }
      resolve(client)
    })
    socket.once('error', reject)
  })
}

function get (port: number, localAddress: string) {
  const started = Date.now()
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', localAddress, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }))
    })
    req.setTimeout(3000, () => req.destroy(new Error('no answer within 3 s')))
    req.on('error', reject)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('the defaults: 1000 connections, 64 per address, headers within 10 s, the request within 20 s, idle keep-alive 5 s', () => {
  expect(DEFAULT_CONNECTION_LIMITS).toEqual({
    max: 1000, perIp: 64, headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
  })
  expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS]).toEqual([10_000, 20_000, 5000])
  const server = createAppServer({ root })
  expect([server.maxConnections, server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([1000, 10_000, 20_000, 5000])
})

test('one address trickling headers over many connections: the excess is closed at once, others are served, the slow ones dropped at the header timeout', async () => {
  const perIp = DEFAULT_CONNECTION_LIMITS.perIp as number
  const port = await start({ headersTimeoutMs: TEST_HEADERS_TIMEOUT_MS, requestTimeoutMs: 2 * TEST_HEADERS_TIMEOUT_MS })
  const flood = await Promise.all(Array.from({ length: 300 }, (_, i) => connect(port, FLOODER, i % 2 === 0)))
  await sleep(300)
  const refused = flood.filter((client) => client.closed)
  expect(refused).toHaveLength(300 - perIp)
  expect(Math.max(...refused.map((client) => client.closedAfterMs))).toBeLessThan(300)

  const visitor = await get(port, VISITOR)
  expect(visitor.status).toBe(200)
  expect(visitor.ms).toBeLessThan(500)

  const held = flood.filter((client) => !client.closed)
  expect(held).toHaveLength(perIp)
  await sleep(TEST_HEADERS_TIMEOUT_MS + 600)
  expect(held.filter((client) => !client.closed)).toEqual([])
  // Trickling ones are told why; all went within a checking interval of the timeout.
  expect(held.filter((client) => client.received.startsWith('HTTP/1.1 408')).length).toBeGreaterThan(0)
  expect(Math.max(...held.map((client) => client.closedAfterMs))).toBeLessThan(TEST_HEADERS_TIMEOUT_MS + 800)

  // Their slots are free again.
  expect((await get(port, FLOODER)).status).toBe(200)
})

test('the total cap holds across addresses; a slot frees when a connection closes', async () => {
  const port = await start({ max: 10, perIp: false })
  const open = await Promise.all(Array.from({ length: 10 }, (_, i) => connect(port, `127.0.0.${10 + i}`, false)))
  const extra = await connect(port, '127.0.0.30', false)
  await sleep(200)
  expect(extra.closed).toBe(true)
  expect(open.every((client) => !client.closed)).toBe(true)
  sockets[0].destroy()
  await sleep(100)
  expect((await get(port, '127.0.0.31')).status).toBe(200)
})

test('perIp false: one address may open more than the default per-IP cap (RATE_LIMIT=off, TRUST_PROXY)', async () => {
  const port = await start({ perIp: false })
  const clients = await Promise.all(Array.from({ length: 100 }, () => connect(port, FLOODER, false)))
  await sleep(200)
  expect(clients.filter((client) => client.closed)).toEqual([])
})
