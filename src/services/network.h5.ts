import type { NetworkService } from './network-types'

export const isOnline: NetworkService['isOnline'] = async () => navigator.onLine

export const onOnline: NetworkService['onOnline'] = (callback) => {
  window.addEventListener('online', callback)
  return () => window.removeEventListener('online', callback)
}
