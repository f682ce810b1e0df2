import Taro from '@tarojs/taro'
import STORAGE_KEYS from './storage-keys.json'

/**
 * Everything the app keeps on the device, under the keys of storage-keys.json (one file, so the
 * H5 start-up's boot script reads the same keys: config/h5-startup/prerender.mjs).
 */
export type Stored = keyof typeof STORAGE_KEYS

/** What was kept under the key; undefined when it cannot be read (missing reads as '' in both builds). */
export function readStored (key: Stored): unknown {
  try {
    return Taro.getStorageSync(STORAGE_KEYS[key])
  } catch {
    return undefined
  }
}

/** Keeps a value; throws when the device refuses (storage full). */
export function store (key: Stored, value: unknown) {
  Taro.setStorageSync(STORAGE_KEYS[key], value)
}

export function forget (key: Stored) {
  Taro.removeStorageSync(STORAGE_KEYS[key])
}
