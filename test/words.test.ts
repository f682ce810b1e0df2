import fs from 'node:fs'
import path from 'node:path'
import { inScript } from '@/words'
import { referenceHant, wordTexts } from '../scripts/hant.mjs'

const root = path.resolve(__dirname, '..')
const wordsDir = path.join(root, 'src/words')

/** Every exported group of words in src/words, by file and export name. */
const groups: Array<[string, Record<string, unknown>]> = fs.readdirSync(wordsDir)
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every file in the folder, whatever it adds
    const module = require(path.join(wordsDir, file)) as Record<string, unknown>
    return Object.entries(module)
      .filter(([, value]) => value !== null && typeof value === 'object')
      .map(([name, value]) => [`${file}:${name}`, value as Record<string, unknown>] as [string, Record<string, unknown>])
  })

/** Each word as [where, 简体, 繁體]: strings as they are, templates called with numbers. */
function pairs (hans: unknown, hant: unknown, where: string): Array<[string, string, string]> {
  if (typeof hans === 'string') return [[where, hans, hant as string]]
  if (typeof hans === 'function') {
    const args = Array.from({ length: hans.length }, (_unused, i) => 1234 + i)
    return [[`${where}()`, (hans as (...a: number[]) => string)(...args), (hant as (...a: number[]) => string)(...args)]]
  }
  if (hans && typeof hans === 'object') {
    return Object.entries(hans).flatMap(([key, value]) => pairs(value, (hant as Record<string, unknown>)[key], `${where}.${key}`))
  }
  return []
}

const all = groups.flatMap(([name, words]) => pairs(words, inScript(words, 'hant'), name))
const KEPT_KEYS = /\.scriptNames\./

describe('src/words in 繁體', () => {
  test('finds the groups: the app, the bars, the subpackages and the function', () => {
    expect(groups.map(([name]) => name)).toEqual(expect.arrayContaining(['index.ts:WORDS', 'titles.ts:TITLES', 'titles.ts:TAB_LABELS', 'function.ts:FUNCTION_WORDS', 'poster.ts:POSTER_WORDS', 'organiser.ts:ORGANISER_WORDS']))
    expect(all.length).toBeGreaterThan(80)
  })

  test.each(all.filter(([where]) => !KEPT_KEYS.test(where)))('%s is what OpenCC (cn → hk) and the reviewed fixes give', (_where, hans, hant) => {
    expect(hant).toBe(referenceHant(hans))
  })

  test('the script names stay in their own script', () => {
    const kept = all.filter(([where]) => KEPT_KEYS.test(where))
    expect(kept.map(([, hans]) => hans)).toEqual(['简体', '繁體', '简体中文', '繁體中文'])
    for (const [, hans, hant] of kept) expect(hant).toBe(hans)
  })

  test('a template keeps a name as it was typed and converts only its own words', () => {
    const { result } = inScript(inScriptGroup('index.ts:WORDS'), 'hant') as { result: { companyCount: (company: string, count: number) => string } }
    expect(result.companyCount('质量发展有限公司', 3)).toBe('「质量发展有限公司」已有 3 人承諾')
  })

  test('the table is read from every literal in the folder', () => {
    const texts = wordTexts(wordsDir)
    for (const [where, hans] of all.filter(([key]) => !key.endsWith('()'))) {
      if (/\p{Script=Han}/u.test(hans)) expect([where, texts.includes(hans)]).toEqual([where, true])
    }
  })

  test('a group is converted once', () => {
    const words = inScriptGroup('index.ts:WORDS')
    expect(inScript(words, 'hant')).toBe(inScript(words, 'hant'))
    expect(inScript(words, 'hans')).toBe(words)
  })
})

function inScriptGroup (name: string) {
  return groups.find(([group]) => group === name)![1]
}

/**
 * Every interface word lives in src/words: a Chinese string literal anywhere else in src/ must be
 * one of these, each with its reason.
 */
const ALLOWED_ELSEWHERE: Array<[RegExp, string]> = [
  [/^src\/content\//, 'the campaign text itself (generated from the seed) and its table'],
  [/^src\/poster\/templates\.ts$/, 'poster artwork: the campaign document\'s own lines, drawn on the canvas'],
  [/^src\/utils\/format-date\.ts$/, 'dayjs format patterns (年月日 are the same in both scripts) and a programmer\'s RangeError'],
  [/^src\/services\/preferences\.ts$/, 'RangeErrors for values no control offers: for programmers, never shown'],
  [/^src\/services\/cloud-transport\.h5\.ts$/, 'a NetworkError\'s detail for the console: services/cloud.ts shows common.networkError instead'],
]

describe('one module for the words', () => {
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
  const literals = /'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|>[^<>{}]*</g

  test('no Chinese interface text outside src/words (comments and config titles aside)', () => {
    const found: string[] = []
    for (const file of sources(path.join(root, 'src'))) {
      const relative = path.relative(root, file)
      if (relative.startsWith('src/words/') || ALLOWED_ELSEWHERE.some(([pattern]) => pattern.test(relative))) continue
      const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
      for (const literal of code.match(literals) ?? []) {
        if (/\p{Script=Han}/u.test(literal)) found.push(`${relative}: ${literal}`)
      }
    }
    expect(found).toEqual([])
  })
})

describe('NutUI', () => {
  /** NutUI components that read words from its locale (ConfigProvider) would need a 繁體 locale. */
  test('every NutUI component the app uses has no words of its own', () => {
    const used = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (/\.tsx?$/.test(entry.name)) {
          const source = fs.readFileSync(full, 'utf8')
          for (const [, names] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@nutui\/nutui-react-taro'/g)) {
            for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) used.add(name)
          }
        }
      }
    }
    walk(path.join(root, 'src'))
    expect(used.has('Button')).toBe(true)
    const packages = path.join(root, 'node_modules/@nutui/nutui-react-taro/dist/es/packages')
    for (const name of used) {
      const dir = path.join(packages, name.toLowerCase())
      const code = fs.readdirSync(dir).filter((file) => file.endsWith('.js')).map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n')
      expect([name, /useConfig|locale/.test(code)]).toEqual([name, false])
    }
    // The check can see a component that does read the locale.
    expect(fs.readFileSync(path.join(packages, 'dialog/dialog.js'), 'utf8')).toMatch(/useConfig|locale/)
  })
})
