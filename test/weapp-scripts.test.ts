/** @jest-environment node */
// scripts/check-weapp.mjs and scripts/size.mjs against small mini-programs written here, so
// the checks are proven to fail on what they guard against without needing a Taro build.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..')

const fixtures: string[] = []
afterAll(() => fixtures.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

function writeApp (files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-fixture-'))
  fixtures.push(dir)
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  return dir
}

function run (script: string, args: string[], cwd = root) {
  const result = spawnSync('node', [path.join(root, 'scripts', script), '--no-build', ...args], { encoding: 'utf8', cwd })
  return { status: result.status, output: result.stdout + result.stderr }
}

const page = (name: string, wxml = '<view class="a">{{ title }}</view>', wxss = '.a { color: #333; }', js = 'Page({})') => ({
  [`${name}.js`]: js,
  [`${name}.json`]: '{}',
  [`${name}.wxml`]: wxml,
  [`${name}.wxss`]: wxss,
})

const validApp = () => ({
  'app.json': JSON.stringify({
    pages: ['pages/home/index', 'pages/me/index'],
    subPackages: [{ root: 'sub', pages: ['pages/extra/index'] }],
    tabBar: { list: [{ pagePath: 'pages/home/index', text: '首页' }, { pagePath: 'pages/me/index', text: '我的' }] },
  }),
  'app.js': 'App({})',
  'app.wxss': '@import "./common.wxss";',
  'common.wxss': 'page { font-size: 16px; }',
  ...page('pages/home/index'),
  ...page('pages/me/index'),
  ...page('sub/pages/extra/index'),
})

describe('check-weapp', () => {
  test('a valid mini-program compiles with wcc and wcsc', () => {
    const { status, output } = run('check-weapp.mjs', ['--dir', writeApp(validApp())])
    expect(output).toContain('wcc 编译 3 个 WXML，wcsc 编译 5 个 WXSS，acorn 解析 4 个脚本（ES2017）')
    expect(status).toBe(0)
  })

  // Old iOS JavaScriptCore stops at the first token past ES2017; async/await is ES2017 and runs.
  const withScript = (js: string) => writeApp({ ...validApp(), ...page('sub/pages/extra/index', undefined, undefined, js) })

  test('an ES2017 script with async/await passes', () => {
    const js = 'const load = async ({ id } = {}, ...rest) => [await id, 2 ** rest.length]\nPage({ onLoad: load })'
    const { status, output } = run('check-weapp.mjs', ['--dir', withScript(js)])
    expect(output).toContain('acorn 解析 4 个脚本（ES2017），无错误')
    expect(status).toBe(0)
  })

  test.each([
    ['a?.b', 'Page({ onLoad (a) { return a?.b } })'],
    ['a ?? 1', 'Page({ onLoad (a) { return a ?? 1 } })'],
    ['{ ...a }', 'Page({ onLoad (a) { return { ...a } } })'],
    ['catch {}', 'Page({ onLoad () { try { wx.x() } catch {} } })'],
  ])('%s fails and names the file, line and column', (syntax, js) => {
    const { status, output } = run('check-weapp.mjs', ['--dir', withScript(`// page\n${js}`)])
    expect(status).toBe(1)
    expect(output).toMatch(/sub\/pages\/extra\/index\.js:2:\d+ 不是 ES2017（旧版 iOS 无法运行）：/)
    expect(output).toContain(syntax)
  })

  test('broken WXML fails and names the file', () => {
    const dir = writeApp({ ...validApp(), ...page('sub/pages/extra/index', '<view><text>{{ title }}</view>') })
    const { status, output } = run('check-weapp.mjs', ['--dir', dir])
    expect(status).toBe(1)
    expect(output).toContain('sub/pages/extra/index.wxml')
  })

  test('a bad mustache expression fails and names the file', () => {
    const dir = writeApp({ ...validApp(), ...page('pages/home/index', '<view>{{ a. }}</view>') })
    const { status, output } = run('check-weapp.mjs', ['--dir', dir])
    expect(status).toBe(1)
    expect(output).toContain('pages/home/index.wxml')
  })

  test('a page .json that does not parse fails', () => {
    const { status, output } = run('check-weapp.mjs', ['--dir', writeApp({ ...validApp(), 'pages/me/index.json': '{' })])
    expect(status).toBe(1)
    expect(output).toContain('pages/me/index.json: JSON 无法解析')
  })

  test('broken WXSS fails and names the file', () => {
    const dir = writeApp({ ...validApp(), 'pages/me/index.wxss': '.a { color: red' })
    const { status, output } = run('check-weapp.mjs', ['--dir', dir])
    expect(status).toBe(1)
    expect(output).toContain('pages/me/index.wxss')
  })

  test('a tab outside the main package or a missing page file fails', () => {
    const files = validApp()
    const app = JSON.parse(files['app.json'])
    app.tabBar.list.push({ pagePath: 'sub/pages/extra/index', text: '分包' })
    delete (files as Record<string, string>)['pages/me/index.js']
    const { status, output } = run('check-weapp.mjs', ['--dir', writeApp({ ...files, 'app.json': JSON.stringify(app) })])
    expect(status).toBe(1)
    expect(output).toContain('tabBar 页面 sub/pages/extra/index 不在主包 pages 中')
    expect(output).toContain('缺少 pages/me/index.js')
  })
})

describe('size', () => {
  const sized = () => writeApp({
    'app.json': JSON.stringify({ pages: ['pages/home/index'], subPackages: [{ root: 'sub/', pages: ['p/index'] }] }),
    'taro.js': 'x'.repeat(3000),
    'pages/home/index.js': 'x'.repeat(1000),
    'pages/home/index.wxml': 'x'.repeat(500),
    'sub/p/index.js': 'x'.repeat(700),
    'taro.js.map': 'x'.repeat(9000),
    'vendors.js.LICENSE.txt': 'x'.repeat(9000),
    'project.config.json': 'x'.repeat(9000),
  })

  test('counts the main package per group, excludes maps, licences and project files', () => {
    const { status, output } = run('size.mjs', ['--dir', sized(), '--json'])
    expect(status).toBe(0)
    const report = JSON.parse(output)
    const appJsonBytes = report.main.groups['app.json']
    expect(report.main.groups).toEqual({ 'taro.js': 3000, 'pages/home': 1500, 'app.json': appJsonBytes })
    expect(report.main.bytes).toBe(4500 + appJsonBytes)
    expect(report.subpackages).toEqual({ sub: 700 })
  })

  test('fails over budget', () => {
    const { status, output } = run('size.mjs', ['--dir', sized(), '--max-main-kb', '4'])
    expect(status).toBe(1)
    expect(output).toContain('超过预算 4 KB')
  })

  test('a missing app.json fails without a build', () => {
    const { status, output } = run('size.mjs', ['--dir', writeApp({ 'app.js': 'App({})' })])
    expect(status).toBe(1)
    expect(output).toContain('app.json 不存在')
  })

  test('--write-readme replaces only the size block', () => {
    const cwd = writeApp({ 'README.md': '# 标题\n\n<!-- size:start -->\n旧表\n<!-- size:end -->\n\n结尾 $& $1\n' })
    const dir = sized()
    fs.writeFileSync(path.join(dir, '$&.js'), 'x'.repeat(2048))
    const { status } = run('size.mjs', ['--dir', dir, '--write-readme'], cwd)
    expect(status).toBe(0)
    const readme = fs.readFileSync(path.join(cwd, 'README.md'), 'utf8')
    expect(readme.startsWith('# 标题\n\n<!-- size:start -->\n| 部分 | 体积 |\n| --- | --- |\n| taro.js | 2.9 KB |\n')).toBe(true)
    expect(readme).toContain('| $&.js | 2.0 KB |')
    expect(readme).toContain('| 分包 sub | 0.7 KB |\n<!-- size:end -->\n\n结尾 $& $1\n')
    expect(readme).not.toContain('旧表')
  })

  test('the default budget is 420 KB', () => {
    const app = JSON.stringify({ pages: ['pages/home/index'] })
    const budget = 420 * 1024 - Buffer.byteLength(app)
    expect(run('size.mjs', ['--dir', writeApp({ 'app.json': app, 'app.js': 'x'.repeat(budget) })]).status).toBe(0)
    const over = run('size.mjs', ['--dir', writeApp({ 'app.json': app, 'app.js': 'x'.repeat(budget + 1) })])
    expect(over.status).toBe(1)
    expect(over.output).toContain('超过预算 420 KB')
  })
})
