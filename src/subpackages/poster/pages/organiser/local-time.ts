import { ORGANISER_WORDS, type OrganiserWords } from '@/words/organiser'

const pad = (n: number) => String(n).padStart(2, '0')

/** Today on this device, `YYYY-MM-DD`: a date picker's first value. */
export function today (now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** An ISO 8601 moment on this device's clock, e.g. `9月23日 10:05`. */
export function monthDayTime (iso: string, words: Pick<OrganiserWords, 'monthDayTime'> = ORGANISER_WORDS) {
  const at = new Date(iso)
  return words.monthDayTime(at.getMonth() + 1, at.getDate(), `${pad(at.getHours())}:${pad(at.getMinutes())}`)
}
