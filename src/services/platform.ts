import { isOnline, onOnline } from './network'

/**
 * The old name for services/network, kept only for src/pages/pledge/use-pledge.ts, which another
 * change holds open. Delete this file once that page imports `@/services/network` instead.
 * @deprecated Use services/network.
 */
export const platform = { isOnline, onOnline }
