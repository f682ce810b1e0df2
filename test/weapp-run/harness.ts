/**
 * Runs the built mini-program (dist/weapp) as WeChat would, offline: miniprogram-simulate renders
 * each page's WXML with WeChat's own compiler (wcc) in jsdom, the app's and pages' compiled JS run
 * untouched, `wx` is the project's fake (test/support/wx-fake.ts) and wx.cloud.callFunction is
 * answered by the real function core (cloud/core/handle.ts) over the memory store; the database's
 * `public/stats` is that store's counts as the function's timer would write them at the read.
 *
 * WeChat's `Page` is simulated on j-component's `Component` (onLoad/onShow when attached), `App`,
 * `getApp` and `getCurrentPages` are provided here, and routes the fake carries out open, hide and
 * unload pages. Every console error or warning (a React error, a `Template … not found` from
 * wcc's output) is kept, and the tests fail on any.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createWordListChecker } from '../../cloud/core/content-check'
import { handle } from '../../cloud/core/handle'
import type { HandleDeps } from '../../cloud/core/handle'
import { PUBLIC_STATS } from '../../cloud/core/protocol'
import type { Action, FunctionResult } from '../../cloud/core/protocol'
import { takePublicStats } from '../../cloud/core/public-stats'
import { createMemoryStore } from '../../cloud/core/stores/memory'
import { createWxFake } from '../support/wx-fake'
import type { Route, WxFake, WxFakeOptions } from '../support/wx-fake'

export const DIST = path.resolve(__dirname, '../../dist/weapp')

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar: { list: Array<{ pagePath: string }> }
}

export function readAppJson (): { pages: string[]; tabs: string[] } {
  const file = path.join(DIST, 'app.json')
  if (!fs.existsSync(file)) throw new Error(`${file} 不存在：先运行 npm run build:weapp`)
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson
  const sub = (app.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/$/, '')}/${page}`))
  return { pages: [...app.pages, ...sub], tabs: app.tabBar.list.map((tab) => tab.pagePath) }
}

/** The slice of j-component's component wrapper the harness uses. */
interface SimComponent {
  dom: HTMLElement
  instance: PageInstance
  attach (parent: Element): void
  detach (): void
}

interface PageInstance {
  route: string
  options: Record<string, string>
  onLoad (query: Record<string, string>): void
  onShow (): void
  onReady (): void
  onHide (): void
  onUnload (): void
  onShareAppMessage?: (options: object) => { title?: string; path?: string; imageUrl?: string }
  onShareTimeline?: () => { title?: string; query?: string; imageUrl?: string }
  [key: string]: unknown
}

interface ExparserModule {
  Event: {
    create (name: string, detail: object, options: object): unknown
    dispatchEvent (target: unknown, event: unknown): void
  }
}

/** What App() received: the lifecycle WeChat calls on the app. */
interface AppInstance {
  onLaunch?: (options: object) => void
  onShow?: (options: object) => void
  onPageNotFound?: (res: { path: string; query: object; isEntryPage: boolean }) => void
}

export interface LaunchConfig {
  /** The page WeChat opens first, with its query (as a code or a shared card carries it). */
  path?: string
  query?: Record<string, string>
  scene?: number
  openid?: string
  /** Identities the function treats as organisers. */
  admins?: string[]
  wx?: Omit<WxFakeOptions, 'launch' | 'app' | 'cloud' | 'database' | 'openid'>
  /** A store shared between launches (a second person, or the same one relaunching). */
  deps?: HandleDeps
}

const TEMPLATE_MISSING = /Template .* not found/
/** How long a page takes to slide in (src/services/navigation.ts ROUTE_ANIMATION_MS). */
const SLIDE_IN_MS = 300

/** Levels of templates base.wxml has (config/index.ts TEMPLATE_LEVELS): its tmpl_<level>_… names. */
export function templateLevels (): number {
  const levels = [...fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8').matchAll(/name="tmpl_(\d+)_/g)].map(([, level]) => Number(level))
  return Math.max(...levels) + 1
}

interface TaroNode { cn?: TaroNode[] }

/** How many template levels a page's data needs: root's children render at level 0. */
export function templateDepth (node: TaroNode): number {
  return Math.max(0, ...(node.cn ?? []).map((child) => 1 + templateDepth(child)))
}

export class WeappPage {
  constructor (readonly route: string, readonly query: Record<string, string>, private readonly comp: SimComponent, private readonly app: WeappApp) {}

  get instance (): PageInstance {
    return this.comp.instance
  }

  /** The page's text as WeChat would render it. */
  text (): string {
    return this.comp.dom.textContent ?? ''
  }

  /**
   * The element with WeChat id `#id` (exparser keeps ids as properties, not DOM attributes), or the
   * innermost element whose text is exactly `text`.
   */
  find (selector: string): HTMLElement | null {
    const elements = [...this.comp.dom.querySelectorAll<HTMLElement>('*')]
    if (selector.startsWith('#')) {
      const id = selector.slice(1)
      return elements.find((element) => (element as unknown as { __wxElement?: { id?: string } }).__wxElement?.id === id) ?? null
    }
    return elements.reverse().find((element) => element.textContent?.trim() === selector) ?? null
  }

  /** Waits until the page shows `text` (Taro renders through setData, asynchronously). */
  async waitForText (text: string | RegExp, timeoutMs = 2000): Promise<string> {
    const found = () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text()))
    await this.app.waitFor(found, timeoutMs, () => `页面 ${this.route} 没有出现“${String(text)}”。现在显示：${this.text().slice(0, 400)}`)
    return this.text()
  }

  /** An attribute as the page's WXML set it on the element (e.g. an input's type or placeholder). */
  attr (selector: string, name: string): unknown {
    const element = this.find(selector) as unknown as { __wxElement?: { _vt?: { attrs: Array<{ name: string; value: unknown }> } } } | null
    return element?.__wxElement?._vt?.attrs.find((attr) => attr.name === name)?.value
  }

  async waitFor (selector: string, timeoutMs = 2000): Promise<HTMLElement> {
    await this.app.waitFor(() => this.find(selector) !== null, timeoutMs, () => `页面 ${this.route} 没有出现 ${selector}`)
    return this.find(selector)!
  }

  /** A WeChat event on the element, as a finger or the keyboard sends it (tap, input, blur …); `touches` for touch events. */
  async trigger (selector: string, event: string, detail: object = {}, touches: object[] = []) {
    const element = await this.waitFor(selector)
    const target = (element as unknown as { __wxElement?: unknown }).__wxElement
    if (!target) throw new Error(`${selector} 不是小程序节点`)
    const exparser = this.app.exparser
    exparser.Event.dispatchEvent(target, exparser.Event.create(event, detail, {
      originalEvent: new CustomEvent(event),
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches, changedTouches: touches },
    }))
    await this.app.settle()
  }

  tap (selector: string) {
    return this.trigger(selector, 'tap', { x: 0, y: 0 })
  }

  /** A finger drawn over a `<canvas>` through `points` (canvas touches carry x / y on the canvas). */
  async stroke (selector: string, points: Array<[number, number]>) {
    const at = ([x, y]: [number, number]) => [{ identifier: 0, x, y }]
    await this.trigger(selector, 'touchstart', {}, at(points[0]))
    for (const point of points.slice(1)) await this.trigger(selector, 'touchmove', {}, at(point))
    await this.trigger(selector, 'touchend', {}, [])
  }

  input (selector: string, value: string) {
    return this.trigger(selector, 'input', { value, cursor: value.length, keyCode: 0 })
  }

  /** What the share menu would send: WeChat calls onShareAppMessage / onShareTimeline. */
  shareToFriend () {
    return this.instance.onShareAppMessage?.({ from: 'menu' })
  }

  shareToMoments () {
    return this.instance.onShareTimeline?.()
  }

  attach () {
    const parent = document.createElement('parent-wrapper')
    document.body.appendChild(parent)
    this.comp.attach(parent)
  }

  detach () {
    this.comp.detach()
  }
}

export class WeappApp {
  readonly fake: WxFake
  readonly deps: HandleDeps
  /** Console errors and warnings while the app ran. */
  readonly problems: string[] = []
  /** Open pages, bottom first (getCurrentPages). */
  readonly stack: WeappPage[] = []
  exparser!: ExparserModule
  private simulate!: { load (file: string, options: object): string; render (id: string): SimComponent }
  private loaded = new Map<string, string>()
  private pending: { route: string; query: Record<string, string> } | null = null
  private appConfig: AppInstance | null = null
  private routing: Promise<unknown> = Promise.resolve()
  private readonly spies: jest.SpyInstance[] = []
  private readonly app = readAppJson()
  private readonly scripted: Array<{ action: Action; reply: FunctionResult<unknown> }> = []

  constructor (private readonly config: LaunchConfig) {
    const admins = new Set(config.admins ?? [])
    this.deps = config.deps ?? { store: createMemoryStore(), contentCheck: createWordListChecker() }
    const deps = { ...this.deps, isAdmin: (identity: string) => admins.has(identity), onError: (error: unknown) => this.problems.push(`pledge function: ${String((error as Error)?.stack ?? error)}`) }
    this.fake = createWxFake({
      ...config.wx,
      app: this.app,
      launch: { path: config.path ?? 'pages/index/index', query: config.query ?? {}, scene: config.scene ?? 1001 },
      openid: config.openid ?? 'o-weapp-user',
      cloud: async (_name, data, openid) => {
        const next = this.scripted.findIndex(({ action }) => action === (data as { action?: unknown }).action)
        return next === -1 ? handle(openid, data, deps) : this.scripted.splice(next, 1)[0].reply
      },
      database: async (collection, id) => (collection === PUBLIC_STATS.collection && id === PUBLIC_STATS.doc
        ? { ...await takePublicStats(this.deps.store, new Date()) }
        : null),
    })
  }

  /** The function's next call of `action` gets `reply` instead of the core's answer (e.g. BUSY under contention). */
  answerOnce (action: Action, reply: FunctionResult<unknown>) {
    this.scripted.push({ action, reply })
  }

  /** Loads app.js (the Taro runtime, App()) and opens the launch page, as WeChat starts an app. */
  async launch (): Promise<WeappPage> {
    for (const level of ['error', 'warn'] as const) {
      this.spies.push(jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        this.problems.push(`console.${level}: ${args.map((arg) => (arg instanceof Error ? arg.stack ?? arg.message : String(arg))).join(' ')}`)
      }))
    }
    const globals = globalThis as Record<string, unknown>
    // simulate merges its own stub `wx` under ours when it loads; the fake alone must answer.
    globals.wx = this.fake.wx
    this.simulate = jest.requireActual('miniprogram-simulate')
    this.exparser = jest.requireActual(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }))
    globals.wx = this.fake.wx
    globals.App = (config: WeappApp['appConfig']) => { this.appConfig = config }
    globals.getApp = () => this.appConfig
    globals.getCurrentPages = () => this.stack.map((page) => page.instance)
    globals.Page = (options: Record<string, unknown>) => this.registerPage(options)
    this.fake.followRoutes((route) => { this.routing = this.routing.then(() => this.follow(route)) })

    jest.requireActual(path.join(DIST, 'app.js'))
    const launch = this.fake.wx.getLaunchOptionsSync()
    this.appConfig?.onLaunch?.(launch)
    this.appConfig?.onShow?.(launch)
    const query = new URLSearchParams(this.config.query ?? {}).toString()
    return this.open(`/${launch.path}${query ? `?${query}` : ''}`)
  }

  /** WeChat's Page() on j-component's Component: page methods, and the load/show lifecycle on attach. */
  private registerPage (options: Record<string, unknown>) {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    const pendingPage = () => this.pending!
    ;(globalThis as unknown as { Component: (definition: object) => void }).Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached (this: PageInstance) {
          const { route, query } = pendingPage()
          this.route = route
          this.__route__ = route
          this.options = query
          this.onLoad(query)
          this.onShow()
          setTimeout(() => this.onReady(), 0)
        },
      },
    })
  }

  /** Opens a page on top of the stack (a route, or the launch page). */
  async open (url: string): Promise<WeappPage> {
    const [route, search = ''] = url.replace(/^\//, '').split('?')
    if (!this.app.pages.includes(route)) throw new Error(`app.json 中没有页面 ${route}`)
    const query = Object.fromEntries(new URLSearchParams(search))
    let id = this.loaded.get(route)
    if (id === undefined) {
      this.pending = { route, query }
      id = this.simulate.load(path.join(DIST, route), { compiler: 'official', rootPath: DIST })
      this.loaded.set(route, id)
    }
    this.pending = { route, query }
    const page = new WeappPage(route, query, this.simulate.render(id), this)
    this.stack.push(page)
    page.attach()
    await this.ticks()
    return page
  }

  get appInstance (): AppInstance {
    if (this.appConfig === null) throw new Error('app.js 没有调用 App()')
    return this.appConfig
  }

  get current (): WeappPage {
    return this.stack[this.stack.length - 1]
  }

  private unload (page: WeappPage) {
    page.instance.onUnload()
    page.detach()
  }

  private async follow (route: Route) {
    const top = this.current
    const url = route.url ?? ''
    const target = url.replace(/^\//, '').split('?')[0]
    switch (route.api) {
      case 'navigateTo':
        top.instance.onHide()
        await this.open(url)
        break
      case 'redirectTo':
        this.unload(this.stack.pop()!)
        await this.open(url)
        break
      case 'reLaunch':
        while (this.stack.length > 0) this.unload(this.stack.pop()!)
        await this.open(url)
        break
      case 'switchTab': {
        // Tab pages stay alive; every other page is closed.
        while (this.stack.length > 0 && !this.app.tabs.includes(this.current.route)) this.unload(this.stack.pop()!)
        const kept = this.stack.find((page) => page.route === target)
        this.current?.instance.onHide()
        if (kept) {
          this.stack.splice(this.stack.indexOf(kept), 1)
          this.stack.push(kept)
          kept.instance.onShow()
          await this.ticks()
        } else {
          await this.open(url)
        }
        break
      }
      case 'navigateBack':
        for (let i = 0; i < (route.delta ?? 1) && this.stack.length > 1; i++) this.unload(this.stack.pop()!)
        this.current.instance.onShow()
        await this.ticks()
        break
    }
  }

  /** Lets timers, promises and setData run, and any route in progress finish. */
  async settle () {
    await this.ticks()
    await this.routing
  }

  private async ticks (rounds = 5) {
    for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0))
    this.measureDepth()
  }

  /** The deepest any page has needed so far; past base.wxml's levels Taro falls back to `comp`. */
  deepest = 0
  private levels = templateLevels()

  private measureDepth () {
    const page = this.current
    const root = (page?.instance as unknown as { data?: { root?: TaroNode } } | undefined)?.data?.root
    if (!root) return
    const depth = templateDepth(root)
    this.deepest = Math.max(this.deepest, depth)
    const problem = `页面 ${page.route} 需要 ${depth} 层模板，base.wxml 只有 ${this.levels} 层（config/index.ts TEMPLATE_LEVELS）`
    if (depth > this.levels && !this.problems.includes(problem)) this.problems.push(problem)
  }

  async waitFor (condition: () => boolean, timeoutMs: number, message: () => string) {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(message())
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  /**
   * Waits for the page a route opens, and for it to slide in, as a person does before the next tap
   * (the app takes no route in that time either: services/navigation ROUTE_ANIMATION_MS).
   */
  async waitForPage (route: string, timeoutMs = 2000): Promise<WeappPage> {
    await this.waitFor(() => this.current?.route === route, timeoutMs, () => `没有打开 ${route}，当前页面 ${this.current?.route}`)
    await this.settle()
    await new Promise((resolve) => setTimeout(resolve, SLIDE_IN_MS))
    return this.current
  }

  /** Ends the run: restores the console and returns what it said (tests expect nothing). */
  close (): string[] {
    this.measureDepth()
    while (this.stack.length > 0) this.unload(this.stack.pop()!)
    this.spies.forEach((spy) => spy.mockRestore())
    return this.problems
  }

  missingTemplates (): string[] {
    return this.problems.filter((line) => TEMPLATE_MISSING.test(line))
  }
}

/**
 * A Canvas 2D node as WeChat's SelectorQuery returns it, for pages that draw: the simulator renders
 * no canvas, so this one measures 1 em per character and draws nothing (the browser tier checks
 * the pixels). Images load at once.
 */
export function canvas2dNode () {
  const ctx: Record<string, unknown> = { font: '10px sans-serif' }
  for (const name of [
    'fillRect', 'fillText', 'beginPath', 'closePath', 'fill', 'moveTo', 'lineTo', 'arc', 'arcTo', 'stroke', 'strokeRect',
    'save', 'restore', 'clip', 'translate', 'rotate', 'drawImage', 'setTransform',
  ]) ctx[name] = () => undefined
  ctx.measureText = (text: string) => ({ width: Array.from(text).length * Number.parseFloat(String(ctx.font).replace(/^bold /, '')) })
  ctx.createLinearGradient = () => ({ addColorStop () {} })
  return {
    width: 300,
    height: 150,
    getContext: () => ctx,
    createImage: () => {
      const image = {
        onload: () => undefined as void,
        onerror: (() => undefined) as (error: unknown) => void,
        set src (path: string) { setTimeout(() => (path ? image.onload() : image.onerror(new Error('no src'))), 0) },
      }
      return image
    },
  }
}

/** Starts a fresh app (new module registry: new Taro runtime, new simulator) and opens its first page. */
export async function launchApp (config: LaunchConfig = {}) {
  jest.resetModules()
  const app = new WeappApp(config)
  const page = await app.launch()
  return { app, page }
}

/**
 * `start` for a test file: each test's app is closed after it, and the test fails on anything the
 * app logged (a React error, a missing template).
 */
export function appPerTest () {
  let running: WeappApp | null = null
  afterEach(() => {
    const problems = running?.close() ?? []
    running = null
    expect(problems).toEqual([])
  })
  return async (config: LaunchConfig = {}) => {
    const launched = await launchApp(config)
    running = launched.app
    return launched
  }
}
