import type { CreateEventRequest } from '@shared/protocol'
import { callFunction } from './cloud'

export type { EventInfo, OrganiserResult } from '@shared/protocol'

/** The event behind an `e:<id>` scene, or null when there is no such event. */
export async function getEvent (id: string) {
  return (await callFunction('pledge', { action: 'getEvent', id })).event
}

/** Organisers only: creates an event and answers it with its scene. */
export async function createEvent (event: Omit<CreateEventRequest, 'action'>) {
  return (await callFunction('pledge', { action: 'createEvent', ...event })).event
}

/** Organisers only: the event's mini-program code file (null on H5, which draws a QR code). */
export function getEventCode (id: string) {
  return callFunction('pledge', { action: 'eventCode', id })
}

/** Organisers only: live counts per event and company. */
export function getOrganiserView () {
  return callFunction('pledge', { action: 'organiser' })
}
