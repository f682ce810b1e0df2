/**
 * Every message the pledge function (cloud/core) and the local runner (server/) send to a
 * person, in 简体 as written. The app shows a reply's `message` as it arrives, so these are
 * words of the interface like those in index.ts. Imported by relative path from cloud/core and
 * server/, and bundled into cloud/functions/pledge/index.js: pure data, no imports.
 *
 * A word that takes values is a template: it interpolates its arguments and does nothing else
 * with them (the caller shortens or counts), so the 繁體 copy can keep a name as it was typed.
 */
export const FUNCTION_WORDS = {
  /** Names of fields, put into the messages below. */
  labels: {
    company: '单位名称',
    eventName: '活动名称',
    eventPlace: '活动地点',
    eventDate: '活动日期',
    eventId: '活动编号',
    newsSource: '媒体名称',
    newsTitle: '报道标题',
    newsDate: '报道日期',
    newsLink: '报道链接',
    newsId: '报道编号',
    source: '来源',
    action: '操作类型',
  },
  /** What a value of the wrong type turned out to be ("收到的是…"). */
  types: { array: '数组', string: '文字', number: '数字', boolean: '布尔值', object: '对象' },
  /** The request as a whole. */
  request: {
    notObject: (type: string) => `请求应为对象，收到的是${type}`,
    tooLarge: (bytes: number) => `请求内容超过 ${bytes} 字节`,
    identityInBody: (key: string) => `请求中不能包含身份字段 ${key}：身份由微信提供`,
    unknownAction: (action: string) => `不支持的操作类型：${action}`,
    unknownField: (action: string, field: string) => `操作 ${action} 不接受字段 ${field}`,
  },
  /** One field of a request. */
  validation: {
    missing: (label: string, key: string) => `缺少${label} ${key}`,
    notText: (label: string, key: string, type: string) => `${label} ${key} 应为文字，收到的是${type}`,
    companyNotText: (label: string, type: string) => `${label}应为文字，收到的是${type}`,
    hiddenNotBoolean: (type: string) => `hidden 应为 true 或 false，收到的是${type}`,
    empty: (label: string) => `${label}不能为空`,
    companyEmpty: (label: string) => `${label}不能为空；不填写单位请不要传 company`,
    /** Raw input far beyond the limit, refused before it is normalised and counted. */
    farTooLong: (label: string, max: number) => `${label}最多 ${max} 个字`,
    tooLong: (label: string, max: number, length: number) => `${label}最多 ${max} 个字，现在是 ${length} 个字`,
    needsLetterOrDigit: (label: string) => `${label}需要包含文字或数字`,
    idFormat: (label: string, key: string) => `${label} ${key} 应为 8 位小写字母或数字`,
    sourceTooLong: (label: string, key: string, max: number) => `${label} ${key} 最多 ${max} 个字符`,
    sourceFormat: (label: string, key: string) => `${label} ${key} 格式应为 e:活动编号 或 s:分享者编号（字母、数字、_ 或 -）`,
    dateFormat: (label: string) => `${label}应为 YYYY-MM-DD 格式，例如 2024-09-01`,
    dateRange: (label: string, first: string, last: string) => `${label}应在 ${first} 至 ${last} 之间`,
    dateMissing: (label: string, date: string) => `${label} ${date} 不存在`,
    linkTooLong: (label: string, max: number) => `${label}最多 ${max} 个字符`,
    linkSpaces: (label: string) => `${label}不能包含空格或换行`,
    linkNotHttps: (label: string) => `${label}应为完整网址，以 https:// 开头`,
  },
  sign: {
    already: '你已经承诺过了',
    thanks: (number: number) => `承诺成功，你的承诺编号是 ${number}`,
    /** Thanks, then why the company name was not kept. */
    thanksWithNote: (thanks: string, note: string) => `${thanks}。${note}`,
    companyRejected: '单位名称未通过内容安全审核，承诺已记录，但没有保存单位名称。',
    companyUnchecked: '单位名称暂时无法审核，承诺已记录，但没有保存单位名称。',
  },
  status: {
    none: '你还没有承诺',
    number: (number: number) => `你的承诺编号是 ${number}`,
  },
  withdraw: {
    done: '已撤回你的承诺',
    none: '你还没有承诺，无需撤回',
  },
  codes: {
    unavailable: '小程序码暂时无法生成，请稍后再试',
  },
  events: {
    created: (name: string) => `已创建活动：${name}`,
    notFound: '没有找到这个活动',
    notFoundCheckId: '没有找到这个活动，请确认活动编号',
  },
  news: {
    notFound: '没有找到这条报道，可能已被删除',
    full: (max: number) => `最多保留 ${max} 条报道，请先删除不再需要的`,
    added: '已添加报道',
    saved: '已保存报道',
    removed: '已删除报道',
  },
  organiser: {
    /** Said to someone who is not an organiser: 只有活动组织者可以 + what they tried. */
    only: (task: string) => `只有活动组织者可以${task}`,
    /** Each organiser-only action, as that refusal names it. */
    tasks: {
      createEvent: '创建活动',
      eventCode: '获取活动小程序码',
      organiser: '查看组织者数据',
      saveNews: '编辑媒体报道',
      removeNews: '删除媒体报道',
      hideCompany: '在单位榜上隐藏名称',
    },
    hidden: (company: string) => `已在单位榜上隐藏“${company}”，其承诺仍计入总数`,
    shown: (company: string) => `“${company}”已恢复显示在单位榜上`,
    hiddenFull: (max: number) => `最多隐藏 ${max} 个名称，请先恢复一些`,
  },
  limits: {
    tooFrequent: '操作太频繁，请稍后再试',
    withdrawalsPerDay: (max: number) => `今天撤回次数已达 ${max} 次，请明天再试`,
  },
  /** ErrorCode.BUSY: the pledge was not stored, and trying again is the remedy. */
  busy: '现在承诺的人很多，你的承诺还没有保存，请稍后再试',
  noIdentity: '无法识别你的身份，请在微信中打开小程序后重试',
  internal: '服务暂时不可用，请稍后再试',
  /** The local runner's own replies (server/), before or around the function. */
  runner: {
    usePost: '请使用 POST 调用云函数',
    needJson: '请求须为 JSON（Content-Type: application/json）',
    invalidJson: '请求内容不是有效的 JSON',
    unknownFunction: '未知的接口',
    /** The route itself failed (server/app.ts), not the function. */
    internal: '服务暂时不可用，请稍后重试',
    useGetForStats: '请使用 GET 读取公开统计',
    statsUnavailable: '统计暂时不可用，请稍后再试',
    organiserUseBrowser: '请用浏览器打开组织者入口链接',
    organiserTooManyTries: '尝试太频繁，请稍后再试',
    organiserWrongKey: '组织者密钥不正确。请使用本地服务启动时打印的“组织者入口”链接。',
  },
} as const
