/**
 * The pledge function's logic, free of any SDK: the cloud entry and the local HTTP runner
 * both call `handle` with an identity they trust and the untrusted `data` object.
 */
import type { ContentChecker } from './content-check'
import { ErrorCode, LIMITS } from './protocol'
import type {
  Action, CompanyRejection, ErrorCodeValue, FunctionResult, MyPledge, ResultMap, SignRequest,
} from './protocol'
import { sharerScene } from './sharer'
import type { PledgeRecord, PledgeStore } from './store'
import { validateRequest } from './validate'

export interface HandleDeps {
  store: PledgeStore
  contentCheck: ContentChecker
  now?: () => Date
  /** Receives unexpected errors (the reply only says "try later"). */
  onError?: (error: unknown) => void
  /**
   * Cloud file ID of a mini-program code opening CODE_PAGE with `scene`, or null. Absent where
   * no such code exists (local runner: the H5 client draws a QR code of its own URL).
   */
  shareCode?: (scene: string) => Promise<string | null>
}

export type PledgeResult = FunctionResult<ResultMap[Action]>

/** Longest identity accepted: an OPENID is 28 characters, a local session id 32. */
const IDENTITY_MAX = 128

const REJECTION_MESSAGES: Record<CompanyRejection, string> = {
  review: '企业名称未通过内容安全审核，承诺已记录，但没有保存企业名称。',
  risky: '企业名称未通过内容安全审核，承诺已记录，但没有保存企业名称。',
  unavailable: '企业名称暂时无法审核，承诺已记录，但没有保存企业名称。',
}

export function failure (code: ErrorCodeValue, message: string): FunctionResult<never> {
  return { code, message, data: null }
}

function success<T> (message: string, data: T): FunctionResult<T> {
  return { code: ErrorCode.OK, message, data }
}

async function toMyPledge (store: PledgeStore, record: PledgeRecord): Promise<MyPledge> {
  return {
    number: record.number,
    company: record.company,
    companyCount: record.company === null ? 0 : await store.companyCount(record.company),
    pledgedAt: record.pledgedAt,
  }
}

async function checkCompany (deps: HandleDeps, company: string, identity: string): Promise<CompanyRejection | null> {
  try {
    const verdict = await deps.contentCheck(company, identity)
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
  // A repeat sign must not spend a content-check call; without a company there is nothing to check.
  if (request.company !== undefined) {
    const existing = await store.get(identity)
    if (existing !== null) {
      return success('你已经承诺过了', {
        pledge: await toMyPledge(store, existing), alreadyPledged: true, companyRejected: null, total: await store.total(),
      })
    }
  }
  const rejection = request.company === undefined ? null : await checkCompany(deps, request.company, identity)
  const outcome = await store.sign({
    identity,
    company: request.company === undefined || rejection !== null ? null : request.company,
    source: request.source ?? null,
    pledgedAt: (deps.now?.() ?? new Date()).toISOString(),
  })
  const pledge = await toMyPledge(store, outcome.pledge)
  if (!outcome.created) {
    return success('你已经承诺过了', { pledge, alreadyPledged: true, companyRejected: null, total: outcome.total })
  }
  const thanks = `承诺成功，你是第 ${pledge.number} 位承诺者`
  return success(rejection === null ? thanks : `${thanks}。${REJECTION_MESSAGES[rejection]}`, {
    pledge, alreadyPledged: false, companyRejected: rejection, total: outcome.total,
  })
}

/**
 * Needs no pledge: people share before they sign. A failing code service does not fail the
 * call: the scene still attributes a shared link, and the client draws its fallback for null.
 */
async function shareCode (identity: string, deps: HandleDeps): Promise<FunctionResult<ResultMap['shareCode']>> {
  const scene = sharerScene(identity)
  if (deps.shareCode === undefined) return success('ok', { scene, codeFileId: null })
  try {
    return success('ok', { scene, codeFileId: await deps.shareCode(scene) })
  } catch (error) {
    deps.onError?.(error)
    return success('小程序码暂时无法生成，请稍后再试', { scene, codeFileId: null })
  }
}

async function dispatch (identity: string, data: unknown, deps: HandleDeps): Promise<PledgeResult> {
  const validated = validateRequest(data)
  if (!validated.ok) return failure(validated.error.code, validated.error.message)
  const { request } = validated
  const { store } = deps
  switch (request.action) {
    case 'sign':
      return sign(identity, request, deps)
    case 'status': {
      const record = await store.get(identity)
      const pledge = record === null ? null : await toMyPledge(store, record)
      return success(pledge === null ? '你还没有承诺' : `你是第 ${pledge.number} 位承诺者`, { pledge, total: await store.total() })
    }
    case 'withdraw': {
      const outcome = await store.withdraw(identity)
      return success(outcome.withdrawn ? '已撤回你的承诺' : '你还没有承诺，无需撤回', outcome)
    }
    case 'stats': {
      const stats = await store.stats({ companies: LIMITS.topCompanies, sources: LIMITS.topSources })
      return success('ok', stats)
    }
    case 'shareCode':
      return shareCode(identity, deps)
  }
}

/**
 * Runs one call. `identity` must come from the platform (cloud: `getWXContext().OPENID`,
 * local: the signed session cookie). Never throws: every outcome is `{ code, message, data }`.
 */
export async function handle (identity: string | undefined, data: unknown, deps: HandleDeps): Promise<PledgeResult> {
  if (typeof identity !== 'string' || identity.length === 0 || identity.length > IDENTITY_MAX) {
    return failure(ErrorCode.NO_IDENTITY, '无法识别你的身份，请在微信中打开小程序后重试')
  }
  try {
    return await dispatch(identity, data, deps)
  } catch (error) {
    deps.onError?.(error)
    return failure(ErrorCode.INTERNAL, '服务暂时不可用，请稍后再试')
  }
}
