/** Whether the device has a connection; both twins (network.weapp.ts / network.h5.ts) must match it. */
export interface NetworkService {
  isOnline (): Promise<boolean>
  /** Calls back when the connection comes back; returns the unsubscribe function. */
  onOnline (callback: () => void): () => void
}
