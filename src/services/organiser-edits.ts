import type { SaveNewsRequest } from '@shared/protocol'
import { callFunction } from './cloud'
import { forgetNewsReports, getNewsReports } from './news'

export type { HiddenCompany, NewsReport } from '@shared/protocol'

/** A report as the organiser's form sends it: no id to add one, the id to replace it. */
export type NewsInput = Omit<SaveNewsRequest, 'action'>

/** The reports as stored now (the organiser view asks again rather than show the launch's copy). */
export function listNewsReports () {
  forgetNewsReports()
  return getNewsReports()
}

/** Organisers only: adds or replaces a report; rejects with the function's message (e.g. a bad link). */
export async function saveNewsReport (input: NewsInput) {
  const { report } = await callFunction('pledge', { action: 'saveNews', ...input })
  forgetNewsReports()
  return report
}

/** Organisers only: removes a report from 首页. */
export async function removeNewsReport (id: string) {
  await callFunction('pledge', { action: 'removeNews', id })
  forgetNewsReports()
}

/** Organisers only: takes a unit name off the public 单位榜 (its pledges still count), or puts it back. */
export function setCompanyHidden (company: string, hidden: boolean) {
  return callFunction('pledge', { action: 'hideCompany', company, hidden })
}
