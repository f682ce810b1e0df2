/** @jest-environment node */
import type { IncomingMessage } from 'node:http'
import { addressKey, clientKey } from './client-ip'

const request = (remoteAddress: string | undefined, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage

test.each([
  ['127.0.0.1', '127.0.0.1'],
  ['::ffff:10.0.0.1', '10.0.0.1'],
  ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
  ['2001:DB8:1:2::9', '2001:db8:1:2::/64'],
  ['2001:0db8:0001:0002::', '2001:db8:1:2::/64'],
  ['2001:db8::1', '2001:db8:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
  ['64:ff9b::1.2.3.4', '64:ff9b:0:0::/64'],
  ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ['not an address', 'unknown'],
  [undefined, 'unknown'],
])('addressKey(%p) = %p', (address, key) => {
  expect(addressKey(address)).toBe(key)
})

test('without TRUST_PROXY the socket address counts and X-Forwarded-For is ignored', () => {
  expect(clientKey(request('127.0.0.1', '203.0.113.9'), false)).toBe('127.0.0.1')
})

test('with TRUST_PROXY the right-most X-Forwarded-For address counts: the one the proxy appended', () => {
  expect(clientKey(request('127.0.0.1', '203.0.113.9'), true)).toBe('203.0.113.9')
  expect(clientKey(request('127.0.0.1', '198.51.100.1, 203.0.113.9'), true)).toBe('203.0.113.9')
  expect(clientKey(request('127.0.0.1', ['198.51.100.1', '203.0.113.9']), true)).toBe('203.0.113.9')
  expect(clientKey(request('127.0.0.1', '2001:db8:5:6::7'), true)).toBe('2001:db8:5:6::/64')
})

test('with TRUST_PROXY but no usable forwarded address, the socket address (the proxy) counts', () => {
  expect(clientKey(request('127.0.0.1'), true)).toBe('127.0.0.1')
  expect(clientKey(request('127.0.0.1', '203.0.113.9, garbage'), true)).toBe('127.0.0.1')
  expect(clientKey(request('127.0.0.1', '203.0.113.9:4711'), true)).toBe('127.0.0.1')
})
