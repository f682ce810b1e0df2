/**
 * Who a request comes from, as the per-client limits count it. Without TRUST_PROXY: the
 * socket's address, X-Forwarded-For ignored (any client can write it). With TRUST_PROXY (one
 * reverse proxy in front): the right-most X-Forwarded-For address, the one that proxy appended;
 * addresses left of it came from the client and may be forged.
 */
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** The first four groups of an IPv6 address, expanded: one subscriber usually holds a whole /64. */
function prefix64 (address: string): string {
  const [head, tail] = address.split('%')[0].split('::')
  const groups = (part: string | undefined) => (part === undefined || part === '' ? [] : part.split(':'))
  const left = groups(head)
  const right = groups(tail)
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) fills two groups.
  const width = left.length + right.length + (right.at(-1)?.includes('.') === true ? 1 : 0)
  const all = [...left, ...Array<string>(tail === undefined ? 0 : 8 - width).fill('0'), ...right]
  return `${all.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`
}

/** The limit key of one address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function addressKey (address: string | undefined): string {
  if (address === undefined || isIP(address) === 0) return 'unknown'
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped !== null) return mapped[1]
  return isIP(address) === 6 ? prefix64(address) : address
}

/** The limit key of the client that sent `req`. */
export function clientKey (req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // Repeated X-Forwarded-For headers count as one list, so the last entry is still the proxy's.
    const header = req.headers['x-forwarded-for']
    const forwarded = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim()
    if (forwarded !== undefined && isIP(forwarded) !== 0) return addressKey(forwarded)
  }
  return addressKey(req.socket.remoteAddress)
}
