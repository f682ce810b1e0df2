/**
 * The pledge function's logic, free of any SDK: the cloud entry and the local HTTP runner
 * both call `handle` with an identity they trust and the untrusted `data` object.
 */
import { checkInTime } from './content-check'
import type { ContentChecker } from './content-check'
import { eventScene, newEventId } from './events'
import { ErrorCode, EVENT_ID_PATTERN, LIMITS } from './protocol'
import type {
  Action, CompanyRejection, CreateEventRequest, ErrorCodeValue, EventInfo, FunctionResult, HideCompanyRequest, MyPledge, NewsReport,
  ResultMap, SaveNewsRequest, SignRequest,
} from './protocol'
import { sharerScene } from './sharer'
import type { RateLimiter } from './rate-limit'
import { StoreBusyError } from './store'
import type { EventRecord, NewsRecord, PledgeRecord, PledgeStore } from './store'
import { validateRequest } from './validate'
import { FUNCTION_WORDS as WORDS } from '../../src/words/function'

export interface HandleDeps {
  store: PledgeStore
  contentCheck: ContentChecker
  now?: () => Date
  /** Receives unexpected errors (the reply only says "try later"). */
  onError?: (error: unknown) => void
  /**
   * Cloud file ID of a mini-program code opening CODE_PAGE with `scene` (a sharer's or an
   * event's), or null. Absent where no such code exists (local runner: the H5 client draws a QR
   * code of its own URL).
   */
  makeCode?: (scene: string) => Promise<string | null>
  /** May this identity create events and open the organiser view? Absent: nobody may. */
  isAdmin?: (identity: string) => boolean
  /** Per-identity limits (deployed function); absent where the transport limits callers (local runner). */
  limiter?: RateLimiter
}

export type PledgeResult = FunctionResult<ResultMap[Action]>

/** Longest identity accepted: an OPENID is 28 characters, a local session id 32. */
const IDENTITY_MAX = 128

const REJECTION_MESSAGES: Record<CompanyRejection, string> = {
  review: WORDS.sign.companyRejected,
  risky: WORDS.sign.companyRejected,
  unavailable: WORDS.sign.companyUnchecked,
}

/** The words for ErrorCode.BUSY (FUNCTION_WORDS.busy), named for the tests that fake a busy reply. */
export const BUSY_MESSAGE = WORDS.busy

/** Actions for admins only, and what the refusal says they tried to do. */
const ORGANISER_ONLY: Partial<Record<Action, string>> = WORDS.organiser.tasks

/** New ids drawn before createEvent gives up; one clash in 2.8 × 10^12 is already rare. */
const EVENT_ID_ATTEMPTS = 5

export function failure (code: ErrorCodeValue, message: string): FunctionResult<never> {
  return { code, message, data: null }
}

function success<T> (message: string, data: T): FunctionResult<T> {
  return { code: ErrorCode.OK, message, data }
}

async function toMyPledge (store: PledgeStore, record: PledgeRecord, companyCount?: number): Promise<MyPledge> {
  return {
    number: record.number,
    company: record.company,
    companyCount: record.company === null ? 0 : companyCount ?? await store.companyCount(record.company),
    pledgedAt: record.pledgedAt,
  }
}

function toEventInfo (event: EventRecord): EventInfo {
  return { id: event.id, name: event.name, date: event.date, place: event.place, scene: eventScene(event.id) }
}

/** The source a pledge keeps: never the signer's own link, never an event that does not exist. */
async function attribution (store: PledgeStore, identity: string, source: string | undefined): Promise<string | null> {
  if (source === undefined) return null
  if (source.startsWith('s:')) return source === sharerScene(identity) ? null : source
  const id = source.slice(2)
  return EVENT_ID_PATTERN.test(id) && (await store.getEvent(id)) !== null ? source : null
}

async function checkCompany (deps: HandleDeps, company: string, identity: string): Promise<CompanyRejection | null> {
  try {
    const verdict = await checkInTime(deps.contentCheck, company, identity)
    if (verdict === 'pass') return null
    if (verdict === 'review' || verdict === 'risky') return verdict
    return 'unavailable'
  } catch (error) {
    deps.onError?.(error)
    return 'unavailable'
  }
}

async function sign (identity: string, request: SignRequest, deps: HandleDeps): Promise<FunctionResult<ResultMap['sign']>> {
  const { store } = deps
  // A repeat sign must not spend a content-check call (msgSecCheck has a quota); without a
  // company, or with a check that costs nothing, there is nothing to save.
  if (request.company !== undefined && deps.contentCheck.free !== true) {
    const existing = await store.get(identity)
    if (existing !== null) {
      return success(WORDS.sign.already, {
        pledge: await toMyPledge(store, existing), alreadyPledged: true, companyRejected: null, total: await store.total(),
      })
    }
  }
  const rejection = request.company === undefined ? null : await checkCompany(deps, request.company, identity)
  const outcome = await store.sign({
    identity,
    company: request.company === undefined || rejection !== null ? null : request.company,
    source: await attribution(store, identity, request.source),
    pledgedAt: (deps.now?.() ?? new Date()).toISOString(),
  })
  const pledge = await toMyPledge(store, outcome.pledge, outcome.companyCount)
  if (!outcome.created) {
    return success(WORDS.sign.already, { pledge, alreadyPledged: true, companyRejected: null, total: outcome.total })
  }
  const thanks = WORDS.sign.thanks(pledge.number)
  return success(rejection === null ? thanks : WORDS.sign.thanksWithNote(thanks, REJECTION_MESSAGES[rejection]), {
    pledge, alreadyPledged: false, companyRejected: rejection, total: outcome.total,
  })
}

/** A failing code service does not fail the call: the client draws its fallback for null. */
async function codeFor (scene: string, deps: HandleDeps): Promise<{ codeFileId: string | null; message: string }> {
  if (deps.makeCode === undefined) return { codeFileId: null, message: 'ok' }
  try {
    return { codeFileId: await deps.makeCode(scene), message: 'ok' }
  } catch (error) {
    deps.onError?.(error)
    return { codeFileId: null, message: WORDS.codes.unavailable }
  }
}

/** Needs no pledge: people share before they sign. The scene attributes a shared link even without a code. */
async function shareCode (identity: string, deps: HandleDeps): Promise<FunctionResult<ResultMap['shareCode']>> {
  const scene = sharerScene(identity)
  const { codeFileId, message } = await codeFor(scene, deps)
  return success(message, { scene, codeFileId })
}

async function createEvent (identity: string, request: CreateEventRequest, deps: HandleDeps): Promise<FunctionResult<ResultMap['createEvent']>> {
  const { name, date, place } = request
  const createdAt = (deps.now?.() ?? new Date()).toISOString()
  for (let attempt = 0; attempt < EVENT_ID_ATTEMPTS; attempt += 1) {
    const event: EventRecord = { id: newEventId(), name, date, place, createdBy: identity, createdAt }
    if (await deps.store.createEvent(event)) return success(WORDS.events.created(name), { event: toEventInfo(event) })
  }
  throw new Error(`createEvent: ${EVENT_ID_ATTEMPTS} event ids in a row were taken`)
}

async function eventCode (id: string, deps: HandleDeps): Promise<FunctionResult<ResultMap['eventCode']>> {
  const record = await deps.store.getEvent(id)
  if (record === null) return failure(ErrorCode.EVENT_NOT_FOUND, WORDS.events.notFoundCheckId)
  const event = toEventInfo(record)
  const { codeFileId, message } = await codeFor(event.scene, deps)
  return success(message, { event, codeFileId })
}

async function organiser (deps: HandleDeps): Promise<FunctionResult<ResultMap['organiser']>> {
  const { store } = deps
  const generatedAt = (deps.now?.() ?? new Date()).toISOString()
  const [stats, records, viaShares, hidden] = await Promise.all([
    store.stats({ companies: LIMITS.organiserCompanies, sources: 0 }),
    store.listEvents(LIMITS.organiserEvents),
    store.viaShares(),
    store.listHidden(LIMITS.hiddenCompanies),
  ])
  const events = records.map(toEventInfo)
  const counts = await store.countsBySource(events.map((event) => event.scene))
  return success('ok', {
    total: stats.total,
    events: events.map((event) => ({ ...event, count: counts[event.scene] ?? 0 })),
    companies: stats.topCompanies,
    viaShares,
    generatedAt,
    hidden,
  })
}

function toReport (record: NewsRecord): NewsReport {
  return { id: record.id, source: record.source, title: record.title, date: record.date, link: record.link }
}

async function saveNews (identity: string, request: SaveNewsRequest, deps: HandleDeps): Promise<FunctionResult<ResultMap['saveNews']>> {
  const existing = await deps.store.listNews(LIMITS.newsReports)
  if (request.id !== undefined && !existing.some((report) => report.id === request.id)) {
    return failure(ErrorCode.NEWS_NOT_FOUND, WORDS.news.notFound)
  }
  if (request.id === undefined && existing.length >= LIMITS.newsReports) {
    return failure(ErrorCode.INVALID_NEWS, WORDS.news.full(LIMITS.newsReports))
  }
  const record: NewsRecord = {
    id: request.id ?? newEventId(),
    source: request.source,
    title: request.title,
    date: request.date,
    link: request.link ?? null,
    updatedBy: identity,
    updatedAt: (deps.now?.() ?? new Date()).toISOString(),
  }
  await deps.store.putNews(record)
  return success(request.id === undefined ? WORDS.news.added : WORDS.news.saved, { report: toReport(record) })
}

async function hideCompany (identity: string, request: HideCompanyRequest, deps: HandleDeps): Promise<FunctionResult<ResultMap['hideCompany']>> {
  const { company, hidden } = request
  if (hidden) {
    const listed = await deps.store.listHidden(LIMITS.hiddenCompanies)
    if (!listed.some((entry) => entry.company === company) && listed.length >= LIMITS.hiddenCompanies) {
      return failure(ErrorCode.BAD_REQUEST, WORDS.organiser.hiddenFull(LIMITS.hiddenCompanies))
    }
  }
  await deps.store.setHidden(company, hidden ? { hiddenBy: identity, hiddenAt: (deps.now?.() ?? new Date()).toISOString() } : null)
  return success(hidden ? WORDS.organiser.hidden(company) : WORDS.organiser.shown(company), { company, hidden })
}

/** Why a limited call was refused, in words; null when it may go ahead. */
async function limited (identity: string, action: Action, deps: HandleDeps): Promise<string | null> {
  const { limiter } = deps
  if (limiter === undefined) return null
  const now = deps.now?.() ?? new Date()
  if (!(await limiter.take(identity, 'call', now))) return WORDS.limits.tooFrequent
  if (action === 'withdraw' && !(await limiter.take(identity, 'withdraw', now))) {
    return WORDS.limits.withdrawalsPerDay(LIMITS.withdrawalsPerDay)
  }
  return null
}

async function dispatch (identity: string, data: unknown, deps: HandleDeps): Promise<PledgeResult> {
  const validated = validateRequest(data)
  if (!validated.ok) return failure(validated.error.code, validated.error.message)
  const { request } = validated
  const { store } = deps
  const refusal = await limited(identity, request.action, deps)
  if (refusal !== null) return failure(ErrorCode.RATE_LIMITED, refusal)
  const refused = ORGANISER_ONLY[request.action]
  if (refused !== undefined && !(deps.isAdmin?.(identity) ?? false)) {
    return failure(ErrorCode.FORBIDDEN, WORDS.organiser.only(refused))
  }
  switch (request.action) {
    case 'sign':
      return sign(identity, request, deps)
    case 'status': {
      const record = await store.get(identity)
      const pledge = record === null ? null : await toMyPledge(store, record)
      return success(pledge === null ? WORDS.status.none : WORDS.status.number(pledge.number), { pledge, total: await store.total() })
    }
    case 'withdraw': {
      const outcome = await store.withdraw(identity)
      return success(outcome.withdrawn ? WORDS.withdraw.done : WORDS.withdraw.none, outcome)
    }
    case 'stats': {
      const stats = await store.stats({ companies: LIMITS.topCompanies, sources: LIMITS.topSources })
      return success('ok', stats)
    }
    case 'shareCode':
      return shareCode(identity, deps)
    case 'whoami':
      return success('ok', { admin: deps.isAdmin?.(identity) ?? false, scene: sharerScene(identity) })
    case 'createEvent':
      return createEvent(identity, request, deps)
    case 'getEvent': {
      const event = await store.getEvent(request.id)
      if (event === null) return success(WORDS.events.notFound, { event: null })
      const info = toEventInfo(event)
      const counts = await store.countsBySource([info.scene])
      return success('ok', { event: { ...info, count: counts[info.scene] ?? 0 } })
    }
    case 'eventCode':
      return eventCode(request.id, deps)
    case 'organiser':
      return organiser(deps)
    case 'news':
      return success('ok', { reports: (await store.listNews(LIMITS.newsReports)).map(toReport) })
    case 'saveNews':
      return saveNews(identity, request, deps)
    case 'removeNews':
      return (await store.removeNews(request.id))
        ? success(WORDS.news.removed, { removed: true })
        : failure(ErrorCode.NEWS_NOT_FOUND, WORDS.news.notFound)
    case 'hideCompany':
      return hideCompany(identity, request, deps)
  }
}

/**
 * Runs one call. `identity` must come from the platform (cloud: `getWXContext().OPENID`,
 * local: the signed session cookie). Never throws: every outcome is `{ code, message, data }`.
 */
export async function handle (identity: string | undefined, data: unknown, deps: HandleDeps): Promise<PledgeResult> {
  if (typeof identity !== 'string' || identity.length === 0 || identity.length > IDENTITY_MAX) {
    return failure(ErrorCode.NO_IDENTITY, WORDS.noIdentity)
  }
  try {
    return await dispatch(identity, data, deps)
  } catch (error) {
    deps.onError?.(error)
    if (error instanceof StoreBusyError) return failure(ErrorCode.BUSY, WORDS.busy)
    return failure(ErrorCode.INTERNAL, WORDS.internal)
  }
}
