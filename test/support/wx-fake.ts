/**
 * A fake of the mini-program `wx` object for the two WeChat tiers: dist/weapp run under
 * miniprogram-simulate (test/weapp-run) and the `.weapp.ts` twins behind the real Taro weapp
 * API layer (test/weapp-twins). It models what our code can observe, from WeChat's docs:
 *
 * - Async APIs (框架 → API → 异步 API 返回 Promise, base library ≥ 2.10.2): callbacks success /
 *   fail / complete, called asynchronously; a Promise only when none is given, and never for APIs
 *   documented "以 Promise 风格 调用：不支持" (requirePrivacyAuthorize). Replies carry
 *   `errMsg: '<api>:ok'`; failures `errMsg: '<api>:fail <reason>'` (plus `errno` where documented).
 * - Storage (wx.setStorageSync): values kept as copies; a missing key reads as ''; one key ≤ 1 MB,
 *   all ≤ 10 MB, else `setStorageSync:fail`.
 * - Routes (wx.navigateTo …): url must name a page of app.json; navigateTo/redirectTo refuse tab
 *   pages and switchTab refuses others; at most 10 pages in the stack (webview count limit exceed).
 * - Page stack (getCurrentPages, 框架接口 → 页面 → getCurrentPages; a global, not on wx): the open
 *   pages, the first opened first and the current one last, each with its `route`; after switchTab
 *   or reLaunch only the page opened.
 * - 朋友圈单页模式 (scene 1154, 框架 → 开放能力 → 分享到朋友圈 → 单页模式下的限制): no login state, so
 *   cloud calls fail; routes, open-type buttons and saveImageToPhotosAlbum are disabled and show the
 *   toast 请前往小程序使用完整服务; storage is not shared with the normal mode (starts empty here).
 * - Privacy (wx.onNeedPrivacyAuthorization, wx.requirePrivacyAuthorize, wx.getPrivacySetting): one
 *   listener; a privacy-scoped API called before consent stays pending until the listener's
 *   resolve; `{ event: 'agree', buttonId }` is accepted only after that button's
 *   agreeprivacyauthorization tap, `{ event: 'disagree' }` fails the API with
 *   `<api>:fail privacy permission is not authorized` (errno 104).
 * - Album (wx.authorize scope.writePhotosAlbum, wx.getSetting, wx.openSetting): asked once; after a
 *   refusal authorize fails at once (`authorize:fail auth deny`) and only openSetting can change it.
 * - Cloud (wx.cloud.callFunction / downloadFile): before wx.cloud.init, or offline, or in single-page
 *   mode the call fails with `errCode` and `errMsg: 'cloud.callFunction:fail …'`; otherwise the
 *   function answers `{ result, requestID, errMsg: 'cloud.callFunction:ok' }`.
 * - Cloud database, reads by id only (wx.cloud.database().collection(name).doc(id).get(), 云开发 →
 *   SDK 文档 → 数据库 → Document.get): answers `{ data, errMsg: 'document.get:ok' }` with the
 *   document's `_id` in data. The mini-program SDK has no throwOnNotFound (云函数 only, Cloud.database),
 *   so a missing document rejects: `errCode: -1`, `errMsg: 'document.get:fail document with _id <id>
 *   does not exist; at document.get api; '`. Before wx.cloud.init or offline it fails as callFunction does.
 * - Canvas: miniprogram-simulate renders no canvas, so a Canvas 2D node query answers `node: null`
 *   unless a test supplies a node. createCanvasNode() makes one whose createImage() (Canvas.createImage,
 *   Image: src, onload, onerror) loads only temp files this fake made (downloads, exports).
 * - Hot start (wx.getEnterOptionsSync): the same as getLaunchOptionsSync at a cold start, the latest
 *   onShow's options after reenter(); the launch options stay.
 * - Share sheets (wx.showShareImageMenu, wx.shareFileMessage): closing one without sending fails
 *   with `<api>:fail cancel`.
 * - Bars (wx.setNavigationBarTitle, wx.setTabBarItem, 界面 → 导航栏 / TabBar): a title is the open
 *   page's; tab items are indexed from the left (index beyond the list fails); called from a page
 *   that is not a tab page, setTabBarItem fails `setTabBarItem:fail not TabBar page` (as WeChat
 *   answers it; the docs do not list the case).
 * - `lacks`: APIs an older base library does not have are absent, so wx.canIUse says false.
 * Anything our code calls that is not modelled here is absent (undefined), as on an old WeChat,
 * so a new platform call fails loudly instead of passing against a stub.
 */

export type NetworkType = 'wifi' | '4g' | '5g' | 'none'
export type CloudHandler = (name: string, data: unknown, openid: string) => Promise<unknown>
/** The stored document `collection/id` as a database read finds it; null when there is none. */
export type DatabaseReader = (collection: string, id: string) => Promise<Record<string, unknown> | null>

export interface LaunchOptions {
  path: string
  scene: number
  query: Record<string, string>
}

/** A route WeChat carried out: a harness follows it by opening, hiding and unloading pages. */
export interface Route { api: string; url?: string; delta?: number }

export interface WxFakeOptions {
  launch?: Partial<LaunchOptions>
  /** Pages and tab pages of app.json, for route checks; routes are not checked when absent. */
  app?: { pages: string[]; tabs: string[] }
  network?: NetworkType
  openid?: string
  cloud?: CloudHandler
  /** The cloud database's documents; every document is missing when absent. */
  database?: DatabaseReader
  fontSizeSetting?: number
  /** Has the user still to agree to the privacy guide (getPrivacySetting.needAuthorization)? */
  needPrivacyAuthorization?: boolean
  /** scope.writePhotosAlbum as getSetting reports it: undefined = never asked. */
  album?: boolean
  /** What the user answers when authorize asks for the album. */
  albumAnswer?: 'allow' | 'deny'
  /** What openSetting returns after the user leaves the settings page. */
  settingsAfterOpen?: Record<string, boolean>
  /** Canvas 2D nodes by selector (`#id`), for tests that draw; none by default. */
  canvasNodes?: Record<string, unknown>
  /** What the user does in a share sheet (image or file): send to someone (default) or close it. */
  shareAnswer?: 'send' | 'cancel'
  /** APIs this WeChat lacks (an older base library), e.g. 'showShareImageMenu'. */
  lacks?: string[]
}

interface Callbacks {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
}

/** Canvas.createImage()'s Image: loads `src`, then calls onload or onerror. */
export interface CanvasImage {
  src: string
  onload: () => void
  onerror: (error: unknown) => void
}

/** A reason an API fails with: becomes `errMsg: '<api>:fail <reason>'`. */
export class WxFail extends Error {
  constructor (reason: string, readonly extra: Record<string, unknown> = {}) {
    super(reason)
  }
}

const SINGLE_PAGE_SCENE = 1154
const SINGLE_PAGE_TOAST = '请前往小程序使用完整服务'
const STORAGE_KEY_MAX = 1024 * 1024
const STORAGE_TOTAL_MAX = 10 * 1024 * 1024
const PAGE_STACK_MAX = 10
const PRIVACY_FAIL = 'privacy permission is not authorized'
const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/** An API's arguments as the user sees them: without success / fail / complete. */
const withoutCallbacks = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).filter(([key]) => !['success', 'fail', 'complete'].includes(key)))
const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export function createWxFake (options: WxFakeOptions = {}) {
  const launch: LaunchOptions = { path: 'pages/index/index', scene: 1001, query: {}, ...options.launch }
  let enter = launch
  const singlePage = launch.scene === SINGLE_PAGE_SCENE
  const storage = new Map<string, string>()
  let network: NetworkType = options.network ?? 'wifi'
  const networkListeners = new Set<(res: { isConnected: boolean; networkType: NetworkType }) => void>()
  let cloudReady = false
  let tempFiles = 0
  const tempPaths = new Set<string>()
  const tempFile = (path: string) => {
    tempPaths.add(path)
    return path
  }
  let needPrivacy = options.needPrivacyAuthorization ?? false
  let privacyListener: ((resolve: (answer: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void) | null = null
  const agreeTaps = new Set<string>()
  const authSetting: Record<string, boolean> = options.album === undefined ? {} : { [ALBUM_SCOPE]: options.album }
  let albumAsked = options.album !== undefined
  const stack: string[] = [launch.path]
  let routeListener: ((route: Route) => void) | null = null

  /** What the fake saw, for assertions. */
  const record = {
    calls: [] as Array<{ api: string; args: unknown }>,
    toasts: [] as Array<{ title: string; icon?: string }>,
    modals: [] as Array<{ title?: string; content?: string; confirmText?: string }>,
    routes: [] as Route[],
    cloudCalls: [] as Array<{ name: string; data: unknown }>,
    /** Every read asked for (answered or not); `at`: Date.now() when it was asked. */
    databaseReads: [] as Array<{ collection: string; doc: string; at: number }>,
    saved: [] as string[],
    sharedImages: [] as Array<Record<string, unknown>>,
    previews: [] as Array<Record<string, unknown>>,
    clipboard: [] as string[],
    files: new Map<string, string>(),
    sharedFiles: [] as Array<{ filePath: string; fileName?: string }>,
    vibrations: 0,
    privacyPrompts: [] as string[],
    /** Navigation bar titles set, with the page they were set on. */
    titles: [] as Array<{ route: string; title: string }>,
    /** Tab bar labels set (wx.setTabBarItem), by index; WeChat keeps them for the app's life. */
    tabLabels: new Map<number, string>(),
  }
  /** Answers for showModal, in order; an unscripted modal is cancelled. */
  const modalAnswers: boolean[] = []

  function asyncApi<T extends object> (api: string, impl: (args: T) => unknown | Promise<unknown>, { promise = true } = {}) {
    return (args: T & Callbacks = {} as T & Callbacks) => {
      record.calls.push({ api, args })
      const done = (async () => {
        await later()
        try {
          const value = await impl(args)
          const res = { errMsg: `${api}:ok`, ...(value as object) }
          args.success?.(res)
          args.complete?.(res)
          return { ok: true as const, res }
        } catch (error) {
          const reason = error instanceof WxFail ? error.message : String(error)
          const res = { errMsg: `${api}:fail ${reason}`, ...(error instanceof WxFail ? error.extra : {}) }
          args.fail?.(res)
          args.complete?.(res)
          return { ok: false as const, res }
        }
      })()
      if (args.success || args.fail || args.complete || !promise) {
        done.catch(() => undefined)
        return undefined
      }
      return done.then((outcome) => (outcome.ok ? outcome.res : Promise.reject(outcome.res)))
    }
  }

  function refuseInSinglePage (api: string) {
    if (!singlePage) return
    record.toasts.push({ title: SINGLE_PAGE_TOAST, icon: 'none' })
    throw new WxFail(`${api} is not supported in single page mode`)
  }

  /** A privacy-scoped call: waits for the listener's answer when consent is still needed. */
  async function privacyGate (api: string) {
    if (!needPrivacy) return
    record.privacyPrompts.push(api)
    if (privacyListener === null) throw new WxFail(PRIVACY_FAIL, { errno: 104 })
    const answer = await new Promise<{ event: string; buttonId?: string }>((resolve) => {
      privacyListener!((value) => { if (value.event !== 'exposureAuthorization') resolve(value) }, { referrer: api })
    })
    if (answer.event === 'agree' && answer.buttonId !== undefined && agreeTaps.has(answer.buttonId)) {
      needPrivacy = false
      return
    }
    throw new WxFail(PRIVACY_FAIL, { errno: 104 })
  }

  function pagePath (url: string) {
    if (!url.startsWith('/')) throw new WxFail(`url "${url}" is not in app.json`)
    return url.slice(1).split('?')[0]
  }

  function route (api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') {
    return asyncApi<{ url: string }>(api, ({ url }) => {
      refuseInSinglePage(api)
      const page = pagePath(url)
      if (options.app) {
        const isTab = options.app.tabs.includes(page)
        if (!options.app.pages.includes(page)) throw new WxFail(`page "${page}" is not found`)
        if (api === 'switchTab' && !isTab) throw new WxFail('can not switch to no-tabBar page')
        if ((api === 'navigateTo' || api === 'redirectTo') && isTab) throw new WxFail(`can not ${api} a tabbar page`)
      }
      if (api === 'navigateTo') {
        if (stack.length >= PAGE_STACK_MAX) throw new WxFail('webview count limit exceed')
        stack.push(page)
      } else if (api === 'redirectTo') {
        stack[stack.length - 1] = page
      } else {
        stack.splice(0, stack.length, page)
      }
      record.routes.push({ api, url })
      routeListener?.({ api, url })
      return {}
    })
  }

  function emitNetwork () {
    for (const listener of [...networkListeners]) listener({ isConnected: network !== 'none', networkType: network })
  }

  const windowInfo = { pixelRatio: 2, screenWidth: 375, screenHeight: 667, windowWidth: 375, windowHeight: 667, statusBarHeight: 20, safeArea: { top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647 } }
  const appBaseInfo = { SDKVersion: '3.8.2', language: 'zh_CN', version: '8.0.54', theme: 'light', fontSizeSetting: options.fontSizeSetting ?? 16, enableDebug: false, host: { env: 'WeChat' } }

  const wx = {
    env: { USER_DATA_PATH: 'wxfile://usr' },

    // 基础
    canIUse: (schema: string) => typeof (wx as Record<string, unknown>)[schema.split('.')[0]] !== 'undefined',
    getSystemInfoSync: () => ({ ...windowInfo, ...appBaseInfo, brand: 'iPhone', model: 'iPhone 8', system: 'iOS 12.5.7', platform: 'ios' }),
    getWindowInfo: () => ({ ...windowInfo }),
    getAppBaseInfo: () => ({ ...appBaseInfo }),
    getDeviceInfo: () => ({ brand: 'iPhone', model: 'iPhone 8', system: 'iOS 12.5.7', platform: 'ios', benchmarkLevel: 1 }),
    getLaunchOptionsSync: () => ({ ...clone(launch), referrerInfo: {} }),
    getEnterOptionsSync: () => ({ ...clone(enter), referrerInfo: {} }),

    // 数据缓存
    getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(storage.get(key)!) : ''),
    setStorageSync: (key: string, value: unknown) => {
      const text = JSON.stringify(value === undefined ? null : value)
      const total = [...storage].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0)
      if (text.length > STORAGE_KEY_MAX) throw new Error('setStorageSync:fail entry size limit reached')
      if (total + key.length + text.length > STORAGE_TOTAL_MAX) throw new Error('setStorageSync:fail exceed storage max size 10MB')
      storage.set(key, text)
    },
    removeStorageSync: (key: string) => { storage.delete(key) },
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: STORAGE_TOTAL_MAX / 1024 }),

    // 网络状态
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: network })),
    onNetworkStatusChange: (listener: (res: { isConnected: boolean; networkType: NetworkType }) => void) => { networkListeners.add(listener) },
    offNetworkStatusChange: (listener: (res: { isConnected: boolean; networkType: NetworkType }) => void) => { networkListeners.delete(listener) },

    // 界面
    showToast: asyncApi<{ title: string; icon?: string }>('showToast', ({ title, icon }) => { record.toasts.push({ title, icon: icon ?? 'success' }) }),
    hideToast: asyncApi('hideToast', () => ({})),
    showLoading: asyncApi('showLoading', () => ({})),
    hideLoading: asyncApi('hideLoading', () => ({})),
    showModal: asyncApi<{ title?: string; content?: string; confirmText?: string }>('showModal', ({ title, content, confirmText }) => {
      record.modals.push({ title, content, confirmText })
      const confirm = modalAnswers.shift() ?? false
      return { confirm, cancel: !confirm }
    }),
    pageScrollTo: asyncApi('pageScrollTo', () => ({})),
    setNavigationBarTitle: asyncApi<{ title: string }>('setNavigationBarTitle', ({ title }) => { record.titles.push({ route: stack[stack.length - 1], title }) }),
    setTabBarItem: asyncApi<{ index: number; text?: string }>('setTabBarItem', ({ index, text }) => {
      if (options.app) {
        if (!options.app.tabs.includes(stack[stack.length - 1])) throw new WxFail('not TabBar page')
        if (!Number.isInteger(index) || index < 0 || index >= options.app.tabs.length) throw new WxFail('tabbar item not found')
      }
      if (text !== undefined) record.tabLabels.set(index, text)
    }),
    vibrateShort: asyncApi('vibrateShort', () => { record.vibrations += 1 }),
    nextTick: (callback: () => void) => { setTimeout(callback, 0) },

    // 路由
    navigateTo: route('navigateTo'),
    redirectTo: route('redirectTo'),
    switchTab: route('switchTab'),
    reLaunch: route('reLaunch'),
    navigateBack: asyncApi<{ delta?: number }>('navigateBack', ({ delta = 1 }) => {
      refuseInSinglePage('navigateBack')
      if (stack.length <= 1) throw new WxFail('cannot navigate back at first page.')
      stack.splice(Math.max(1, stack.length - delta))
      record.routes.push({ api: 'navigateBack', delta })
      routeListener?.({ api: 'navigateBack', delta })
      return {}
    }),

    // 剪贴板: WeChat confirms a copy with its own toast.
    setClipboardData: asyncApi<{ data: string }>('setClipboardData', async ({ data }) => {
      await privacyGate('setClipboardData')
      record.clipboard.push(data)
      record.toasts.push({ title: '内容已复制', icon: 'success' })
    }),

    // 隐私
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: needPrivacy, privacyContractName: '《全国质量月小程序隐私保护指引》' })),
    onNeedPrivacyAuthorization: (listener: typeof privacyListener) => { privacyListener = listener },
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => privacyGate('requirePrivacyAuthorize'), { promise: false }),
    openPrivacyContract: asyncApi('openPrivacyContract', () => ({})),

    // 授权与相册
    getSetting: asyncApi('getSetting', () => ({ authSetting: { ...authSetting } })),
    authorize: asyncApi<{ scope: string }>('authorize', async ({ scope }) => {
      await privacyGate('authorize')
      if (scope !== ALBUM_SCOPE) throw new WxFail('invalid scope')
      if (authSetting[scope] === true) return {}
      if (albumAsked) throw new WxFail('auth deny')
      albumAsked = true
      authSetting[scope] = options.albumAnswer === 'allow'
      if (!authSetting[scope]) throw new WxFail('auth deny')
      return {}
    }),
    openSetting: asyncApi('openSetting', () => {
      Object.assign(authSetting, options.settingsAfterOpen ?? {})
      return { authSetting: { ...authSetting } }
    }),
    saveImageToPhotosAlbum: asyncApi<{ filePath: string }>('saveImageToPhotosAlbum', async ({ filePath }) => {
      refuseInSinglePage('saveImageToPhotosAlbum')
      await privacyGate('saveImageToPhotosAlbum')
      if (authSetting[ALBUM_SCOPE] !== true) {
        if (albumAsked) throw new WxFail('auth deny')
        albumAsked = true
        authSetting[ALBUM_SCOPE] = options.albumAnswer === 'allow'
        if (!authSetting[ALBUM_SCOPE]) throw new WxFail('auth deny')
      }
      if (!filePath) throw new WxFail('invalid filePath')
      record.saved.push(filePath)
    }),

    // 分享与图片
    showShareImageMenu: asyncApi<Record<string, unknown>>('showShareImageMenu', (args) => {
      if (typeof args.path !== 'string' || args.path === '') throw new WxFail('parameter.path should be String')
      if (options.shareAnswer === 'cancel') throw new WxFail('cancel')
      record.sharedImages.push(withoutCallbacks(args))
    }),
    previewImage: asyncApi<Record<string, unknown>>('previewImage', (args) => { record.previews.push(withoutCallbacks(args)) }),
    shareFileMessage: asyncApi<{ filePath: string; fileName?: string }>('shareFileMessage', ({ filePath, fileName }) => {
      if (!record.files.has(filePath)) throw new WxFail('file not exist')
      if (options.shareAnswer === 'cancel') throw new WxFail('cancel')
      record.sharedFiles.push({ filePath, fileName })
    }),
    getFileSystemManager: () => ({
      writeFileSync: (filePath: string, data: string) => {
        if (!filePath.startsWith(wx.env.USER_DATA_PATH)) throw new Error(`writeFileSync:fail permission denied, open ${filePath}`)
        record.files.set(filePath, data)
      },
    }),

    // 画布
    createSelectorQuery: () => {
      const requests: Array<{ selector: string; fields: Record<string, boolean> }> = []
      const query = {
        in: () => query,
        select: (selector: string) => ({
          fields: (fields: Record<string, boolean>) => {
            requests.push({ selector, fields })
            return query
          },
          boundingClientRect: () => {
            requests.push({ selector, fields: { rect: true } })
            return query
          },
        }),
        selectViewport: () => ({ scrollOffset: () => query }),
        exec: (callback?: (res: unknown[]) => void) => {
          setTimeout(() => callback?.(requests.map(({ selector, fields }) => (fields.node
            ? { node: options.canvasNodes?.[selector] ?? null, width: 375, height: 667 }
            : { id: selector.slice(1), width: 375, height: 667, top: 0, left: 0 }))), 0)
        },
      }
      return query
    },
    canvasToTempFilePath: asyncApi<{ canvas?: unknown; canvasId?: string; fileType?: string }>('canvasToTempFilePath', ({ canvas, canvasId, fileType = 'png' }) => {
      if (canvas === undefined && canvasId === undefined) throw new WxFail('canvas is empty')
      tempFiles += 1
      return { tempFilePath: tempFile(`http://tmp/canvas-${tempFiles}.${fileType === 'jpg' ? 'jpg' : 'png'}`) }
    }),

    // 云开发
    cloud: {
      init: (_config?: { env?: string; traceUser?: boolean }) => {
        record.calls.push({ api: 'cloud.init', args: _config })
        cloudReady = true
      },
      callFunction: asyncApi<{ name: string; data?: unknown }>('cloud.callFunction', async ({ name, data }) => {
        if (!cloudReady) throw new WxFail('Cloud API isn\'t enabled, please call wx.cloud.init first', { errCode: -601034 })
        if (singlePage) throw new WxFail('login state is required (single page mode)', { errCode: -601002 })
        if (network === 'none') throw new WxFail('request:fail', { errCode: -1 })
        record.cloudCalls.push({ name, data: clone(data) })
        if (!options.cloud) throw new WxFail(`FunctionName parameter could not be found (${name})`, { errCode: -501000 })
        const result = await options.cloud(name, clone(data ?? {}), options.openid ?? 'o-test-user')
        return { result: clone(result), requestID: `req-${record.cloudCalls.length}` }
      }),
      database: () => ({
        collection: (collection: string) => ({
          doc: (id: string) => {
            const get = asyncApi('document.get', async () => {
              if (!cloudReady) throw new WxFail('Cloud API isn\'t enabled, please call wx.cloud.init first', { errCode: -601034 })
              if (network === 'none') throw new WxFail('request:fail', { errCode: -1 })
              const found = await options.database?.(collection, id)
              if (!found) throw new WxFail(`document with _id ${id} does not exist; at document.get api; `, { errCode: -1 })
              return { data: { ...clone(found), _id: id } }
            })
            return {
              get: (args?: Callbacks) => {
                record.databaseReads.push({ collection, doc: id, at: Date.now() })
                return get(args)
              },
            }
          },
        }),
      }),
      downloadFile: asyncApi<{ fileID: string }>('cloud.downloadFile', ({ fileID }) => {
        if (!cloudReady) throw new WxFail('Cloud API isn\'t enabled, please call wx.cloud.init first', { errCode: -601034 })
        if (network === 'none') throw new WxFail('request:fail', { errCode: -1 })
        if (!fileID.startsWith('cloud://')) throw new WxFail('invalid fileID', { errCode: -403001 })
        tempFiles += 1
        return { tempFilePath: tempFile(`http://tmp/download-${tempFiles}.png`), statusCode: 200 }
      }),
    },
  }
  for (const api of options.lacks ?? []) delete (wx as Record<string, unknown>)[api]

  return {
    wx,
    record,
    /** The pages WeChat would have open, bottom first. */
    stack,
    /** WeChat's global getCurrentPages() over that stack (Page objects: only `route` here). */
    getCurrentPages: () => stack.map((route) => ({ route })),
    modalAnswers,
    /** Follows every route WeChat carries out (not part of WeChat: the harness's hook). */
    followRoutes (listener: (route: Route) => void) {
      routeListener = listener
    },
    /** The app comes back to the foreground from a code or a card (a hot start) with these options. */
    reenter (options: Partial<LaunchOptions>) {
      enter = { ...launch, query: {}, ...options }
    },
    /** A `<canvas type="2d">` node, as a selector query gives it, for code that makes images on it. */
    createCanvasNode () {
      return {
        width: 300,
        height: 150,
        createImage () {
          let loading = ''
          const image: CanvasImage = {
            onload: () => {},
            onerror: () => {},
            get src () { return loading },
            set src (src: string) {
              loading = src
              setTimeout(() => (tempPaths.has(src) ? image.onload() : image.onerror({ errMsg: `image load fail: ${src}` })), 0)
            },
          }
          return image
        },
      }
    },
    /** The connection drops or comes back; listeners hear it as WeChat tells them. */
    setNetwork (type: NetworkType) {
      network = type
      emitNetwork()
    },
    /** A tap on `<button open-type="agreePrivacyAuthorization" id=…>`: what resolve's buttonId is checked against. */
    tapAgreeButton (buttonId: string) {
      agreeTaps.add(buttonId)
    },
    get needsPrivacyAuthorization () {
      return needPrivacy
    },
    get hasPrivacyListener () {
      return privacyListener !== null
    },
  }
}

export type WxFake = ReturnType<typeof createWxFake>
