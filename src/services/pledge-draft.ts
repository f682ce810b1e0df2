import Taro from '@tarojs/taro'
import { LIMITS } from '../../cloud/core/protocol'

const COMPANY_KEY = 'pledge:company'
const PENDING_KEY = 'pledge:pending'
const NICKNAME_KEY = 'poster:nickname'

/** A tap made offline, sent once the connection is back. */
export interface PendingPledge {
  company?: string
  queuedAt: string
}

function read (key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return undefined
  }
}

/** The company name typed last time (kept so input is never lost). */
export function readCompany (): string {
  const value = read(COMPANY_KEY)
  return typeof value === 'string' ? value.slice(0, LIMITS.companyMaxChars) : ''
}

export function saveCompany (company: string) {
  Taro.setStorageSync(COMPANY_KEY, company)
}

/** The nickname last put on my poster; the poster clips it to its own limit. */
export function readNickname (): string {
  const value = read(NICKNAME_KEY)
  return typeof value === 'string' ? value : ''
}

export function saveNickname (nickname: string) {
  Taro.setStorageSync(NICKNAME_KEY, nickname)
}

export function readPending (): PendingPledge | null {
  const value = read(PENDING_KEY) as Partial<PendingPledge> | undefined
  if (typeof value !== 'object' || value === null || typeof value.queuedAt !== 'string') return null
  return { queuedAt: value.queuedAt, ...(typeof value.company === 'string' ? { company: value.company } : {}) }
}

export function savePending (pending: PendingPledge) {
  Taro.setStorageSync(PENDING_KEY, pending)
}

export function clearPending () {
  Taro.removeStorageSync(PENDING_KEY)
}
