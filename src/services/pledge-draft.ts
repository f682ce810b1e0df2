import { LIMITS } from '@shared/protocol'
import { forget, readStored, store } from './storage'

/** A tap made offline, sent once the connection is back. */
export interface PendingPledge {
  company?: string
  queuedAt: string
}

/** The company name typed last time (kept so input is never lost). */
export function readCompany (): string {
  const value = readStored('company')
  return typeof value === 'string' ? value.slice(0, LIMITS.companyMaxChars) : ''
}

export function saveCompany (company: string) {
  store('company', company)
}

/** The nickname last put on my poster; the poster clips it to its own limit. */
export function readNickname (): string {
  const value = readStored('nickname')
  return typeof value === 'string' ? value : ''
}

export function saveNickname (nickname: string) {
  store('nickname', nickname)
}

export function readPending (): PendingPledge | null {
  const value = readStored('pending') as Partial<PendingPledge> | undefined
  if (typeof value !== 'object' || value === null || typeof value.queuedAt !== 'string') return null
  return { queuedAt: value.queuedAt, ...(typeof value.company === 'string' ? { company: value.company } : {}) }
}

export function savePending (pending: PendingPledge) {
  store('pending', pending)
}

export function clearPending () {
  forget('pending')
}
