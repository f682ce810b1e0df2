/** @jest-environment node */
import { createSessionKeys, LOCAL_ORGANISER, ORGANISER_SESSION_MAX_AGE_S } from './session-cookie'

const SECRET = 'session-test-secret-0123456789'
const KEY = 'organiser-key-0123456789'
const T0 = Date.UTC(2024, 8, 1)

const keysAt = (clock: { now: number }, organiserKey = KEY) => createSessionKeys({ secret: SECRET, organiserKey, now: () => clock.now })
const valueOf = (setCookie: string) => setCookie.split(';')[0]

describe('organiser session', () => {
  it(`is accepted until ${ORGANISER_SESSION_MAX_AGE_S} s after the login and refused from then on`, () => {
    const clock = { now: T0 }
    const keys = keysAt(clock)
    const cookie = valueOf(keys.organiserCookie())
    expect(keys.read(cookie)).toBe(LOCAL_ORGANISER)
    clock.now = T0 + ORGANISER_SESSION_MAX_AGE_S * 1000 - 1000
    expect(keys.read(cookie)).toBe(LOCAL_ORGANISER)
    clock.now = T0 + ORGANISER_SESSION_MAX_AGE_S * 1000
    expect(keys.read(cookie)).toBeNull()
  })

  it('ends when ORGANISER_KEY changes, whatever the secret', () => {
    const clock = { now: T0 }
    const cookie = valueOf(keysAt(clock).organiserCookie())
    expect(keysAt(clock, `${KEY}-rotated`).read(cookie)).toBeNull()
    expect(keysAt(clock, KEY).read(cookie)).toBe(LOCAL_ORGANISER)
  })

  it('a changed expiry breaks the signature; one further ahead than the maximum is refused', () => {
    const clock = { now: T0 }
    const keys = keysAt(clock)
    const cookie = valueOf(keys.organiserCookie())
    const expiry = Number(cookie.split('.')[1])
    expect(expiry).toBe(T0 / 1000 + ORGANISER_SESSION_MAX_AGE_S)
    expect(keys.read(cookie.replace(`.${expiry}.`, `.${expiry + 3600}.`))).toBeNull()
    // Signed an hour "later" than the reader's clock: 13 h left is more than any login gives.
    const ahead = valueOf(keysAt({ now: T0 + 3_600_000 }).organiserCookie())
    expect(keys.read(ahead)).toBeNull()
  })

  it('the bare old format (organiser.<mac>) is no longer an organiser', () => {
    const keys = keysAt({ now: T0 })
    expect(keys.read(`qm_sid=${keys.sign(LOCAL_ORGANISER)}`)).toBeNull()
  })

  it('visitor cookies are unaffected by the clock and the key', () => {
    const clock = { now: T0 }
    const { id, setCookie } = keysAt(clock).issue()
    clock.now = T0 + 300 * 24 * 3600 * 1000
    expect(keysAt(clock, 'another-organiser-key-000').read(valueOf(setCookie))).toBe(id)
  })
})
