/** @jest-environment node */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { createAppServer, resolveInside } from './app'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-server-'))
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>质量月</title>')
fs.mkdirSync(path.join(root, 'js'))
const bigJs = `console.log(${JSON.stringify('质量'.repeat(2000))})`
fs.writeFileSync(path.join(root, 'js/app.0123abcd.js'), bigJs)
fs.writeFileSync(path.join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
fs.writeFileSync(path.join(os.tmpdir(), 'outside-secret.txt'), 'secret')

let server: http.Server
let base: string
const calls: string[] = []

beforeAll(async () => {
  server = createAppServer({
    root,
    api: {
      echo: async (req, res) => {
        calls.push(req.url ?? '')
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end('{"code":0,"message":"ok","data":null}')
      },
      broken: async () => { throw new Error('boom') },
    },
    routes: {
      '/exact': async (req, res) => {
        calls.push(`exact ${req.method} ${req.url}`)
        res.writeHead(204).end()
      },
      '/exact-broken': async () => { throw new Error('boom') },
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Raw request: fetch would normalise `..` away before it reaches the server. */
function request (method: string, rawPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}/`, { method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('serves index.html at / with no-cache and security headers', async () => {
  const res = await request('GET', '/')
  expect(res.status).toBe(200)
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
  expect(res.headers['cache-control']).toBe('no-cache')
  expect(res.headers['x-content-type-options']).toBe('nosniff')
  expect(res.body.toString()).toContain('质量月')
})

test('hashed assets are immutable, gzip when accepted, 304 on a matching ETag', async () => {
  const plain = await request('GET', '/js/app.0123abcd.js')
  expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8')
  expect(plain.headers['cache-control']).toContain('immutable')
  expect(plain.body.toString()).toBe(bigJs)
  const gzipped = await request('GET', '/js/app.0123abcd.js', { 'accept-encoding': 'gzip, br' })
  expect(gzipped.headers['content-encoding']).toBe('gzip')
  expect(zlib.gunzipSync(gzipped.body).toString()).toBe(bigJs)
  expect(gzipped.body.length).toBeLessThan(plain.body.length)
  const again = await request('GET', '/js/app.0123abcd.js', { 'if-none-match': String(plain.headers.etag) })
  expect(again.status).toBe(304)
  expect((await request('GET', '/logo.png')).headers['content-type']).toBe('image/png')
})

test('the build\'s brotli beside a file is sent when accepted; a stale one never is', async () => {
  const js = `console.log(${JSON.stringify('承诺'.repeat(3000))})`
  fs.writeFileSync(path.join(root, 'js/page.0123abcd.js'), js)
  fs.writeFileSync(path.join(root, 'js/page.0123abcd.js.br'), zlib.brotliCompressSync(js))
  const br = await request('GET', '/js/page.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' })
  expect(br.headers['content-encoding']).toBe('br')
  expect(zlib.brotliDecompressSync(br.body).toString()).toBe(js)
  expect((await request('GET', '/js/page.0123abcd.js', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip')

  // A .br left from another build: not this file's, so gzip instead.
  fs.writeFileSync(path.join(root, 'js/other.0123abcd.js'), js)
  fs.writeFileSync(path.join(root, 'js/other.0123abcd.js.br'), zlib.brotliCompressSync('console.log(1)'))
  expect((await request('GET', '/js/other.0123abcd.js', { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBe('gzip')
})

test('a rebuild while running is served at once: new content, new ETag', async () => {
  const file = path.join(root, 'css/app.css')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, 'body{color:red}')
  const before = await request('GET', '/css/app.css')
  expect(before.body.toString()).toBe('body{color:red}')
  fs.writeFileSync(file, 'body{color:blue}')
  fs.utimesSync(file, new Date(), new Date(Date.now() + 1000))
  const after = await request('GET', '/css/app.css')
  expect(after.body.toString()).toBe('body{color:blue}')
  expect(after.headers.etag).not.toBe(before.headers.etag)
  expect((await request('GET', '/css/app.css', { 'if-none-match': String(before.headers.etag) })).status).toBe(200)
  const listed = await request('GET', '/css/app.css', { 'if-none-match': `"other", W/${String(after.headers.etag)}` })
  expect(listed.status).toBe(304)
  fs.rmSync(file)
  expect((await request('GET', '/css/app.css')).status).toBe(404)
})

test('a file that cannot be read answers 500 and the server keeps serving', async () => {
  const read = jest.spyOn(fs, 'readFileSync').mockImplementationOnce(() => {
    throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
  })
  fs.writeFileSync(path.join(root, 'locked.txt'), 'locked')
  try {
    expect((await request('GET', '/locked.txt')).status).toBe(500)
  } finally {
    read.mockRestore()
  }
  expect((await request('GET', '/locked.txt')).body.toString()).toBe('locked')
})

test('HEAD has headers and no body; other methods on files are 405', async () => {
  const head = await request('HEAD', '/js/app.0123abcd.js')
  expect(head.status).toBe(200)
  expect(head.body.length).toBe(0)
  expect((await request('DELETE', '/index.html')).status).toBe(405)
})

test.each([
  '/../outside-secret.txt',
  '/%2e%2e/outside-secret.txt',
  '/..%2foutside-secret.txt',
  '/js/..%2f..%2foutside-secret.txt',
])('never serves a file outside root: %s', async (rawPath) => {
  const res = await request('GET', rawPath)
  expect(res.body.toString()).not.toContain('secret')
  expect([400, 404]).toContain(res.status)
})

test('NUL bytes and malformed escapes are refused', async () => {
  expect((await request('GET', '/index.html%00.png')).status).toBe(400)
  expect((await request('GET', '/%E0%A4%A')).status).toBe(400)
  expect(resolveInside(root, '/a/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'))
})

test('a path that is not a file gets the app shell; a missing asset is 404', async () => {
  expect((await request('GET', '/pages/whatever')).body.toString()).toContain('质量月')
  expect((await request('GET', '/js/missing.js')).status).toBe(404)
})

test('POST /api/<name> reaches its route; unknown names, other methods and failures answer JSON', async () => {
  const ok = await request('POST', '/api/echo?x=1')
  expect(ok.status).toBe(200)
  expect(calls).toEqual(['/api/echo?x=1'])
  const unknown = await request('POST', '/api/nope')
  expect(unknown.status).toBe(404)
  expect(JSON.parse(unknown.body.toString())).toMatchObject({ code: 40400, data: null })
  const get = await request('GET', '/api/echo')
  expect(get.status).toBe(405)
  expect(JSON.parse(get.body.toString()).message).toContain('POST')
  expect((await request('POST', '/api/__proto__')).status).toBe(404)
  const broken = await request('POST', '/api/broken')
  expect(broken.status).toBe(500)
  expect(JSON.parse(broken.body.toString()).code).toBe(50000)
  expect(calls).toHaveLength(1)
})

test('routes answer their exact path, any method and query; anything below it is static', async () => {
  calls.length = 0
  expect((await request('GET', '/exact?key=1')).status).toBe(204)
  expect((await request('POST', '/exact')).status).toBe(204)
  expect(calls).toEqual(['exact GET /exact?key=1', 'exact POST /exact'])
  expect((await request('GET', '/exact/more')).body.toString()).toContain('质量月')
  expect((await request('GET', '/exact-broken')).status).toBe(500)
})
