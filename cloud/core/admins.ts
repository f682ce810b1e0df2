/**
 * Who may create events and open the organiser view: a list of identities from the
 * environment (deployed: ADMIN_OPENIDS; local runner: ADMIN_IDS).
 */

/** Identities separated by commas (ASCII or full-width) or whitespace; empty entries ignored. */
export function parseAdminList (value: string | undefined): string[] {
  if (value === undefined) return []
  return value.split(/[\s,，]+/u).filter((id) => id !== '')
}
