/** @jest-environment node */
/**
 * The function's and the local runner's messages come from src/words/function.ts: no Chinese
 * string literal is left in cloud/core or server/ beyond the exceptions below, the words file's
 * templates only interpolate, and handle's replies carry FUNCTION_WORDS' text.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type * as TypeScript from 'typescript'
import type { ContentVerdict } from '../cloud/core/content-check'
import { BUSY_MESSAGE, handle } from '../cloud/core/handle'
import type { HandleDeps } from '../cloud/core/handle'
import { ErrorCode, LIMITS } from '../cloud/core/protocol'
import { StoreBusyError } from '../cloud/core/store'
import type { PledgeStore } from '../cloud/core/store'
import { createMemoryStore } from '../cloud/core/stores/memory'
import { FUNCTION_WORDS } from '@/words/function'

// The compiler is loaded by Node itself: through Jest's Babel transform its 9 MB cost ~15 s cold.
const ts: typeof TypeScript = createRequire(__filename)('typescript')

const ROOT = path.resolve(__dirname, '..')
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/
const WORDS_FILE = 'src/words/function.ts'

/**
 * Chinese literals that are not words of the interface. `within` names an enclosing declaration
 * (variable, function, class) or call (`console.log`).
 */
const ALLOWED: ReadonlyArray<{ file: string; within: string; reason: string }> = [
  {
    file: 'cloud/core/content-check.ts',
    within: 'LOCAL_WORDS',
    reason: 'the local stand-in for msgSecCheck: terms matched against names, data that is never shown',
  },
  {
    file: 'server/env.ts',
    within: 'readServerConfig',
    reason: 'environment problems found at start; the runner prints them to the developer\'s console and does not start',
  },
  {
    file: 'server/env.ts',
    within: 'ServerEnvError',
    reason: 'the heading of those start-up problems, printed to the same console',
  },
  {
    file: 'server/main.ts',
    within: 'console.log',
    reason: 'the addresses printed to the developer\'s console when the runner starts',
  },
]

interface Literal {
  file: string
  line: number
  text: string
  /** Names of the enclosing declarations and calls, innermost first. */
  within: string[]
}

function ownerName (node: TypeScript.Node, source: TypeScript.SourceFile): string | null {
  if (ts.isCallExpression(node)) return node.expression.getText(source)
  if ((ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node) ||
    ts.isPropertyAssignment(node)) && node.name !== undefined) return node.name.getText(source)
  return null
}

/** Every string or template literal whose text contains Chinese; comments are not literals. */
function chineseLiterals (file: string, text: string): Literal[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: Literal[] = []
  const visit = (node: TypeScript.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (CHINESE.test(node.text)) {
        const within: string[] = []
        for (let up = node.parent; up !== undefined; up = up.parent) {
          const name = ownerName(up, source)
          if (name !== null) within.push(name)
        }
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
        found.push({ file, line, text: node.text, within })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sourceFiles (dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

describe('no Chinese literal outside src/words/function.ts', () => {
  const files = [...sourceFiles('cloud/core'), ...sourceFiles('server')]
  const literals = files.flatMap((file) => chineseLiterals(file, fs.readFileSync(path.join(ROOT, file), 'utf8')))
  const allowedFor = (literal: Literal) =>
    ALLOWED.find((rule) => rule.file === literal.file && literal.within.includes(rule.within))

  test('the scan sees strings and templates, and skips comments', () => {
    const sample = [
      '// 注释',
      '/** 文档 */',
      "const a = '你好'",
      'const b = `x${1}世界`',
      'const c = /[\'"]/.test("ok")',
      'console.log("启动")',
    ].join('\n')
    const found = chineseLiterals('sample.ts', sample)
    expect(found.map((literal) => [literal.line, literal.text])).toEqual([[3, '你好'], [4, '世界'], [6, '启动']])
    expect(found[2].within).toEqual(['console.log'])
  })

  test('covers the function core and the local runner', () => {
    expect(files).toEqual(expect.arrayContaining(['cloud/core/handle.ts', 'cloud/core/validate.ts', 'cloud/core/stores/cloudbase.ts', 'server/pledge-route.ts', 'server/app.ts']))
  })

  test('every other Chinese literal is in the words file', () => {
    const stray = literals.filter((literal) => allowedFor(literal) === undefined)
    expect(stray.map((literal) => `${literal.file}:${literal.line} ${literal.text}`)).toEqual([])
  })

  test.each(ALLOWED.map((rule) => [`${rule.file} ${rule.within}`, rule]))('exception %s still applies', (_name, rule) => {
    expect(rule.reason.length).toBeGreaterThan(0)
    expect(literals.some((literal) => allowedFor(literal) === rule)).toBe(true)
  })
})

describe('src/words/function.ts', () => {
  const text = fs.readFileSync(path.join(ROOT, WORDS_FILE), 'utf8')
  const source = ts.createSourceFile(WORDS_FILE, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)

  test('imports nothing', () => {
    expect(source.statements.filter((statement) => ts.isImportDeclaration(statement)).map((statement) => statement.getText(source))).toEqual([])
  })

  test('its templates only interpolate their arguments', () => {
    const templates: TypeScript.ArrowFunction[] = []
    const visit = (node: TypeScript.Node) => {
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) templates.push(node as TypeScript.ArrowFunction)
      ts.forEachChild(node, visit)
    }
    visit(source)
    expect(templates.length).toBeGreaterThan(20)
    const wrong = templates.filter((fn) => {
      const params = fn.parameters.map((param) => param.name.getText(source))
      const body = fn.body
      if (ts.isStringLiteral(body) || ts.isNoSubstitutionTemplateLiteral(body)) return false
      if (!ts.isTemplateExpression(body)) return true
      return body.templateSpans.some((span) => !ts.isIdentifier(span.expression) || !params.includes(span.expression.text))
    })
    expect(wrong.map((fn) => fn.getText(source))).toEqual([])
  })
})

describe('handle replies in FUNCTION_WORDS', () => {
  const ADMIN = 'admin-1'
  function setup (verdict: ContentVerdict = 'pass') {
    const store = createMemoryStore()
    const deps: HandleDeps = {
      store,
      contentCheck: async () => verdict,
      now: () => new Date('2024-09-01T08:00:00.000Z'),
      onError: () => undefined,
      isAdmin: (identity) => identity === ADMIN,
    }
    return { store, deps, call: (data: unknown, identity = 'user-1') => handle(identity, data, deps) }
  }

  test('a pledge, and a pledge whose company name did not pass the check', async () => {
    expect(await setup().call({ action: 'sign' })).toMatchObject({ code: ErrorCode.OK, message: FUNCTION_WORDS.sign.thanks(1) })
    expect((await setup('risky').call({ action: 'sign', company: '某公司' })).message)
      .toBe(FUNCTION_WORDS.sign.thanksWithNote(FUNCTION_WORDS.sign.thanks(1), FUNCTION_WORDS.sign.companyRejected))
  })

  test('validation, with the field named by its label', async () => {
    const { call } = setup()
    const company = '质'.repeat(LIMITS.companyMaxChars + 1)
    expect(await call({ action: 'sign', company })).toEqual({
      code: ErrorCode.INVALID_COMPANY,
      message: FUNCTION_WORDS.validation.tooLong(FUNCTION_WORDS.labels.company, LIMITS.companyMaxChars, LIMITS.companyMaxChars + 1),
      data: null,
    })
    const news = { action: 'saveNews', source: '人民网', title: '质量月启动', date: '2024-02-30' }
    expect((await call(news, ADMIN)).message).toBe(FUNCTION_WORDS.validation.dateMissing(FUNCTION_WORDS.labels.newsDate, '2024-02-30'))
  })

  test('an organiser-only action, no identity, a busy store', async () => {
    const { store, deps, call } = setup()
    expect((await call({ action: 'createEvent', name: '开放日', date: '2024-09-10', place: '北京' })).message)
      .toBe(FUNCTION_WORDS.organiser.only(FUNCTION_WORDS.organiser.tasks.createEvent))
    expect((await handle(undefined, { action: 'status' }, deps)).message).toBe(FUNCTION_WORDS.noIdentity)
    const busy: PledgeStore = { ...store, sign: async () => { throw new StoreBusyError('sign: 8 rounds of conflicts') } }
    expect(await handle('user-1', { action: 'sign' }, { ...deps, store: busy })).toEqual({ code: ErrorCode.BUSY, message: FUNCTION_WORDS.busy, data: null })
    expect(BUSY_MESSAGE).toBe(FUNCTION_WORDS.busy)
  })
})
