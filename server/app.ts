/**
 * The local runner's HTTP server: the H5 build as static files, `POST /api/<name>` routed to
 * the functions it is given, and a few routes at exact paths (GET /organiser). Listens
 * wherever the caller says (main.ts: 127.0.0.1). Connections are capped in all and per client
 * address, and a client gets HEADERS_TIMEOUT_MS to send its headers, so slow or idle
 * connections cannot take every slot.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'
import { ErrorCode } from '../cloud/core/protocol'
import { FUNCTION_WORDS } from '../src/words/function'
import { addressKey } from './client-ip'
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_IP } from './env'

export type ApiRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export interface AppServerOptions {
  /** Folder of the H5 build (dist/h5). */
  root: string
  /** Function routes by name: `api.pledge` answers POST /api/pledge. */
  api?: Record<string, ApiRoute>
  /** Routes by exact path, any method: `routes['/organiser']` answers /organiser?key=…. */
  routes?: Record<string, ApiRoute>
  connections?: Partial<ConnectionLimits>
}

export interface ConnectionLimits {
  /** Open connections in all; the kernel's next ones are closed at once. */
  max: number
  /** Open connections per client address (IPv6 per /64); false: no such cap. */
  perIp: number | false
  /** Time to send the request line and headers; past it the client gets 408 and is closed. */
  headersTimeoutMs: number
  /** The same for the whole request, body included. */
  requestTimeoutMs: number
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number
}

/** A phone on a poor network sends a few hundred bytes of headers well within this. */
export const HEADERS_TIMEOUT_MS = 10_000
/** Headers plus a body of at most LIMITS.bodyBytes. */
export const REQUEST_TIMEOUT_MS = 20_000
/** Node's default: long enough for a page's next request, short enough to free the slot. */
export const KEEP_ALIVE_TIMEOUT_MS = 5000

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  max: DEFAULT_MAX_CONNECTIONS,
  perIp: DEFAULT_MAX_CONNECTIONS_PER_IP,
  headersTimeoutMs: HEADERS_TIMEOUT_MS,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.txt', '.svg'])
/** Taro names built assets `<name>.<contenthash>.<ext>`: safe to cache forever. */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

interface CachedFile { body: Buffer; gzip: Buffer | null; br: Buffer | null; etag: string; type: string; cache: string; mtimeMs: number; size: number }

function sendJson (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

/**
 * `<file>.br` as the H5 build wrote it (config/h5-startup/prerender.mjs), when it is that file's
 * brotli (a stale one from an earlier build is ignored): null when there is none.
 */
function readBrotli (file: string, body: Buffer): Buffer | null {
  let br: Buffer
  try {
    br = fs.readFileSync(`${file}.br`)
  } catch {
    return null
  }
  try {
    return zlib.brotliDecompressSync(br).equals(body) ? br : null
  } catch {
    return null
  }
}

/** Resolves a URL path inside root, or null for anything that would escape it. */
export function resolveInside (root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`)
  return file === root || file.startsWith(root + path.sep) ? file : null
}

/** Closes a new connection at once when its address already has `perIp` open. */
function capPerAddress (server: http.Server, perIp: number) {
  const open = new Map<string, number>()
  // Before http's own listener, so a refused socket never gets a parser.
  server.prependListener('connection', (socket: Socket) => {
    const key = addressKey(socket.remoteAddress)
    const count = open.get(key) ?? 0
    if (count >= perIp) {
      socket.destroy()
      return
    }
    open.set(key, count + 1)
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1
      if (left === 0) open.delete(key)
      else open.set(key, left)
    })
  })
}

export function createAppServer ({ root: rootDir, api = {}, routes = {}, connections = {} }: AppServerOptions): http.Server {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...connections }
  const root = path.resolve(rootDir)
  // Files are read and compressed once, and again only when a rebuild changes them on disk
  // (a stale cached index.html would point at hashed bundles that no longer exist).
  const cache = new Map<string, CachedFile>()

  function load (file: string): CachedFile | null {
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      cache.delete(file)
      return null
    }
    if (!stat.isFile()) return null
    const hit = cache.get(file)
    if (hit !== undefined && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit
    const ext = path.extname(file)
    const body = fs.readFileSync(file)
    const compressible = COMPRESSIBLE.has(ext) && body.length > 1024
    const entry = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      body,
      gzip: compressible ? zlib.gzipSync(body) : null,
      // Brotli at its best is too slow for a request; the H5 build writes it beside the file.
      br: compressible ? readBrotli(file, body) : null,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      type: CONTENT_TYPES[ext] ?? 'application/octet-stream',
      cache: HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    cache.set(file, entry)
    return entry
  }

  function serveStatic (req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' })
      res.end()
      return
    }
    const file = resolveInside(root, pathname)
    if (file === null) {
      res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Bad path')
      return
    }
    // The H5 router is hash-based; any other path that is not a file gets the app shell,
    // which shows its own "未找到页面" state.
    const entry = load(file) ?? (path.extname(file) === '' ? load(path.join(root, 'index.html')) : null)
    if (entry === null) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Not found')
      return
    }
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS, 'Content-Type': entry.type, 'Cache-Control': entry.cache, ETag: entry.etag, Vary: 'Accept-Encoding',
    }
    const known = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''))
    if (known.includes(entry.etag)) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    const accepted = req.headers['accept-encoding'] ?? ''
    const encoding = entry.br !== null && /\bbr\b/.test(accepted) ? 'br' : entry.gzip !== null && /\bgzip\b/.test(accepted) ? 'gzip' : null
    const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.body
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length), ...(encoding ? { 'Content-Encoding': encoding } : {}) })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const server = http.createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks these timeouts only this often (30 s by default, which let slow clients hold slots far longer).
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 4),
  }, (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0]
    const exact = Object.prototype.hasOwnProperty.call(routes, pathname) ? routes[pathname] : undefined
    if (exact !== undefined) {
      exact(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error')
        else res.destroy()
      })
      return
    }
    const apiMatch = /^\/api\/([^/]+)$/.exec(pathname)
    if (apiMatch !== null || pathname.startsWith('/api/')) {
      const route = apiMatch !== null && Object.prototype.hasOwnProperty.call(api, apiMatch[1]) ? api[apiMatch[1]] : undefined
      if (route === undefined) {
        sendJson(res, 404, { code: ErrorCode.UNKNOWN_FUNCTION, message: FUNCTION_WORDS.runner.unknownFunction, data: null })
      } else if (req.method !== 'POST') {
        sendJson(res, 405, { code: ErrorCode.BAD_REQUEST, message: FUNCTION_WORDS.runner.usePost, data: null }, { Allow: 'POST' })
      } else {
        route(req, res).catch(() => {
          if (!res.headersSent) sendJson(res, 500, { code: ErrorCode.INTERNAL, message: FUNCTION_WORDS.runner.internal, data: null })
          else res.destroy()
        })
      }
      return
    }
    try {
      serveStatic(req, res, pathname === '/' ? '/index.html' : pathname)
    } catch {
      // An unreadable file (permissions, deleted mid-read) answers 500 instead of crashing the server.
      if (res.headersSent) {
        res.destroy()
        return
      }
      res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Internal error')
    }
  })
  server.keepAliveTimeout = limits.keepAliveTimeoutMs
  server.maxConnections = limits.max
  if (limits.perIp !== false) capPerAddress(server, limits.perIp)
  return server
}
