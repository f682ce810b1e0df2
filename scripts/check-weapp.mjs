#!/usr/bin/env node
// `npm run test:weapp`: build the mini-program, then compile every WXML and WXSS file with
// WeChat's own compilers (wcc/wcsc from the npm package miniprogram-compiler), parse every
// script as ES2017 with acorn, and check that app.json's pages, subpackages and tab bar point at
// files that exist.
//   node scripts/check-weapp.mjs [--no-build] [--dir dist/weapp]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as acorn from 'acorn'

const require = createRequire(import.meta.url)
const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'dist/weapp' },
  },
})
const dir = path.resolve(args.dir)
// wcc/wcsc print whole compiled apps to stdout; the package's 1 MB default is too small.
const maxBuffer = 64 * 1024 * 1024
const PAGE_FILES = ['.js', '.json', '.wxml']
// WeChat runs scripts as uploaded (project.config.json "es6": false) and a syntax gap cannot be
// polyfilled (框架 → JavaScript 支持情况,
// https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html). On iOS the
// engine is the system's JavaScriptCore: `?.`/`??` need iOS 13.4, `??=` iOS 14, and one such
// token stops the whole file. The weapp build targets older engines (config/index.ts), so ES2017.
const ES_VERSION = 2017

if (!args['no-build']) {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const problems = []

function listFiles (root, ext) {
  return fs.readdirSync(root, { recursive: true })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith(ext) && !file.startsWith('node_modules/'))
    .sort()
}

/** Every .json the mini-program loads must parse; wcc silently skips a page .json that does not. */
function readJson (file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    problems.push(`${path.relative(dir, file)}: JSON 无法解析（${error.message}）`)
    return null
  }
}

function checkAppJson () {
  const file = path.join(dir, 'app.json')
  if (!fs.existsSync(file)) {
    problems.push(`${file} 不存在：请先构建小程序`)
    return 0
  }
  const app = readJson(file)
  if (!app) return 0
  const pages = Array.isArray(app.pages) ? app.pages : []
  if (pages.length === 0) problems.push('app.json: pages 为空')
  const subPackages = app.subPackages ?? app.subpackages ?? []
  const allPages = [
    ...pages,
    ...subPackages.flatMap((pkg) => (pkg.pages ?? []).map((page) => `${pkg.root.replace(/\/$/, '')}/${page}`)),
  ]
  for (const page of allPages) {
    for (const ext of PAGE_FILES) {
      if (!fs.existsSync(path.join(dir, page + ext))) problems.push(`app.json: 页面 ${page} 缺少 ${page}${ext}`)
    }
  }
  const tabs = app.tabBar?.list ?? []
  if (tabs.length < 2) problems.push(`app.json: tabBar.list 需要至少 2 项，现有 ${tabs.length} 项`)
  for (const tab of tabs) {
    // WeChat requires tab-bar pages in the main package.
    if (!pages.includes(tab.pagePath)) problems.push(`app.json: tabBar 页面 ${tab.pagePath} 不在主包 pages 中`)
    if (!tab.text) problems.push(`app.json: tabBar 页面 ${tab.pagePath} 缺少 text`)
  }
  return allPages.length
}

/** wcc compiles all WXML in one run (templates import each other); it exits non-zero on error. */
function compileWxml (files) {
  if (files.length === 0) return
  const wcc = require('miniprogram-compiler/src/wcc')
  try {
    wcc(dir, files.map((file) => file.slice(0, -'.wxml'.length)), listFiles(dir, '.wxs'), { maxBuffer })
  } catch (error) {
    problems.push(`wcc: ${error.message.trim()}`)
  }
}

/** wcsc compiles all WXSS in one run (@import needs its targets); it returns, not throws, an Error. */
function compileWxss (files) {
  if (files.length === 0) return
  const wcsc = require('miniprogram-compiler/src/wcsc')
  const result = wcsc(dir, files.map((file) => file.slice(0, -'.wxss'.length)), { maxBuffer })
  if (result instanceof Error) problems.push(`wcsc: ${result.message.trim()}`)
}

/**
 * `process.env.X` left in a script throws in WeChat (no `process`) unless it sits in a try; the
 * only such read allowed is the one guarded in src/services/news.ts.
 */
const GUARDED_ENV_READS = new Set(['process.env.TARO_APP_ARTICLE_WEBVIEW'])

/** Every script must parse as ES_VERSION; acorn reports the first error in each file. */
function parseScripts (files) {
  for (const file of files) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8')
    for (const [read] of source.matchAll(/process\.env\.[A-Za-z_]+/g)) {
      if (!GUARDED_ENV_READS.has(read)) problems.push(`${file}: ${read} 留在了构建结果中（微信里没有 process，启动即报错）`)
    }
    try {
      acorn.parse(source, { ecmaVersion: ES_VERSION, sourceType: 'script' })
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      const snippet = source.slice(Math.max(0, error.pos - 30), error.pos + 30).replace(/\s+/g, ' ')
      problems.push(`${file}:${error.loc.line}:${error.loc.column} 不是 ES${ES_VERSION}（旧版 iOS 无法运行）：${snippet}`)
    }
  }
}

const started = performance.now()
const pageCount = checkAppJson()
const wxml = fs.existsSync(dir) ? listFiles(dir, '.wxml') : []
const wxss = fs.existsSync(dir) ? listFiles(dir, '.wxss') : []
const scripts = fs.existsSync(dir) ? listFiles(dir, '.js') : []
if (fs.existsSync(dir)) {
  for (const file of listFiles(dir, '.json')) if (file !== 'app.json') readJson(path.join(dir, file))
  compileWxml(wxml)
  compileWxss(wxss)
  parseScripts(scripts)
}
const ms = (performance.now() - started).toFixed(0)

if (problems.length > 0) {
  console.error(`check-weapp: ${problems.length} 个问题（${path.relative(process.cwd(), dir) || dir}）`)
  for (const problem of problems) console.error(`  ✗ ${problem}`)
  process.exit(1)
}
console.log(`check-weapp: ${pageCount} 个页面；wcc 编译 ${wxml.length} 个 WXML，wcsc 编译 ${wxss.length} 个 WXSS，acorn 解析 ${scripts.length} 个脚本（ES${ES_VERSION}），无错误（${ms} ms）`)
