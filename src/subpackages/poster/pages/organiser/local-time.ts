const pad = (n: number) => String(n).padStart(2, '0')

/** Today on this device, `YYYY-MM-DD`: a date picker's first value. */
export function today (now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** An ISO 8601 moment on this device's clock, e.g. `9月23日 10:05`. */
export function monthDayTime (iso: string) {
  const at = new Date(iso)
  return `${at.getMonth() + 1}月${at.getDate()}日 ${pad(at.getHours())}:${pad(at.getMinutes())}`
}
