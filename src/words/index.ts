/**
 * Every word the main package shows, in 简体 as written; `inScript` gives them in the reader's
 * script (繁體 through the same build-time table as the content, src/content/hant.ts).
 * The subpackages' words are beside this file (poster.ts, organiser.ts) so they stay in their
 * subpackage; the function's messages are in function.ts.
 *
 * A word that takes values is a template: it interpolates its arguments and does nothing else
 * with them, so the 繁體 copy can keep a name as it was typed (toHantDeep).
 */
import { toHant, toHantDeep } from '@/content/hant'
import { readScript, type Script } from '@/services/preferences'
import { TAB_LABELS, TITLES } from './titles'

export const WORDS = {
  titles: TITLES,
  tabs: TAB_LABELS,
  tabBarLabel: '主导航',
  common: {
    loading: '正在加载…',
    retry: '重试',
    confirm: '确定',
    cancel: '取消',
    back: '返回',
    backLabel: '返回上一页',
    home: '返回首页',
    offline: '网络不可用',
    fallbackError: '出了点问题，请稍后重试',
    networkError: '网络不给力，请检查网络后重试',
    unreadableReply: '服务返回了无法识别的结果，请稍后重试',
    momentsOffline: '朋友圈中打开的页面无法联网，请点击屏幕下方“前往小程序”',
    copyFailed: '复制失败，请长按链接手动复制',
  },
  reading: {
    title: '阅读设置',
    fontSize: '字号',
    /** Each size as the control shows it, and as a screen reader announces it. */
    sizes: { standard: '标准', large: '大', xlarge: '特大' },
    sizeNames: { standard: '标准字号', large: '大字号', xlarge: '特大字号' },
    script: '简繁',
  },
  /** Each script in its own script, as readers look for it: never converted (hant.ts NON_TEXT_KEYS). */
  scriptNames: {
    hans: '简体',
    hant: '繁體',
    hansName: '简体中文',
    hantName: '繁體中文',
  },
  home: {
    eyebrow: '2024年全国“质量月”',
    proposalEntry: '倡议书全文',
    postersEntry: '活动海报',
    postersDesc: '2024年全国“质量月”活动海报',
    news: '媒体报道',
  },
  news: {
    openInNewTab: '在新标签页打开',
    readInApp: '阅读原文',
    copyLink: '点按复制链接',
    linkCopied: '链接已复制，请在浏览器中打开',
  },
  proposal: {
    contents: '目录',
    backToContents: '回到目录',
  },
  call: {
    unsigned: '响应倡议，去承诺',
    signed: (number: number) => `已承诺 · 承诺编号 No.${number}`,
  },
  pledge: {
    share: (title: string) => `一起响应《${title}》`,
    momentsTitle: '前往小程序参与承诺',
    momentsBody: (title: string) => `朋友圈中打开的页面无法承诺。点击屏幕下方“前往小程序”，响应《${title}》。`,
    friend: '好友邀请你一起响应倡议',
    eyebrow: '响应倡议',
    countBefore: '已有 ',
    countAfter: ' 人承诺',
    cannotConnect: '暂时无法连接',
    fromEvent: '来自活动',
    eventCount: (count: number) => `本活动已有 ${count} 人承诺`,
    companyLabel: '单位名称（选填）',
    companyName: '单位名称',
    companyPlaceholder: '填写后计入单位承诺人数',
    queued: '已记录，联网后自动提交',
    submit: '我承诺践行以上倡议',
    posters: '活动海报',
    postersMore: '供企业、组织和媒体使用 ›',
    organiser: '组织者后台',
    organiserMore: '活动、活动码与统计 ›',
    signedToast: '承诺成功',
    withdrawTitle: '撤回承诺',
    withdrawAsk: '撤回后你的承诺编号不会保留，确定撤回吗？',
    withdrawConfirm: '撤回',
    withdrawnToast: '已撤回',
    companyUnchecked: '单位名称暂时无法审核，已为你记录承诺，未保存单位名称。',
    companyRejected: '单位名称未通过内容安全检查，已为你记录承诺，未保存单位名称。',
  },
  result: {
    status: '已承诺',
    number: (number: number) => `承诺编号 No.${number}`,
    companyCount: (company: string, count: number) => `「${company}」已有 ${count} 人承诺`,
    poster: '生成我的承诺海报',
    invite: '邀请好友一起承诺',
    copyInvite: '复制邀请链接',
    withdrawing: '正在撤回…',
    withdraw: '撤回承诺',
  },
  board: {
    title: '单位榜',
    empty: '还没有单位上榜。承诺时填写单位名称，就会计入你的单位。',
    count: (count: number) => `${count} 人`,
  },
  notFound: {
    title: '未找到页面',
    body: '你打开的链接可能有误或已失效。',
  },
}

export type Words = typeof WORDS

const converted = new WeakMap<object, unknown>()

/** A group of words in the reader's script; each group is converted once, on first use. */
export function inScript<T extends object> (words: T, script: Script): T {
  if (script === 'hans') return words
  let hant = converted.get(words) as T | undefined
  if (!hant) {
    hant = toHantDeep(words)
    converted.set(words, hant)
  }
  return hant
}

/** A text from elsewhere in 简体 (the function's messages) in the script saved right now. */
export function textNow (text: string): string {
  return readScript() === 'hant' ? toHant(text) : text
}

/** Words for code outside components (toasts, dialogs, errors): the script saved right now. */
export function wordsNow<T extends object = Words> (words?: T): T {
  return inScript(words ?? (WORDS as unknown as T), readScript())
}
