/**
 * Event ids and scenes. Node only (node:crypto): the cloud function and the local runner.
 */
import { randomInt } from 'node:crypto'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 8

/** A fresh EVENT_ID_PATTERN id: 36^8 ≈ 2.8 × 10^12 ids, so a collision is retried, not planned for. */
export function newEventId (): string {
  return Array.from({ length: ID_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/** `e:<id>`: the scene of the event's code and the source of the pledges it brings. */
export function eventScene (id: string): string {
  return `e:${id}`
}
