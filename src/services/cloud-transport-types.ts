/** How a cloud function is reached (weapp: wx.cloud; H5: the local runner); both twins must match it. */
export interface CloudTransportService {
  /** Sets up the platform's cloud access once, at app launch. */
  initCloud (): void
  /** Calls a cloud function; resolves with its raw result, rejects only on network failure (NetworkError). */
  invoke (name: string, data: object): Promise<unknown>
}

/** A failure of the transport itself (no connection, timeout), never a function's reply. */
export class NetworkError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'NetworkError'
  }
}
