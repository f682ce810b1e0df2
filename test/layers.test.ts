/** @jest-environment node */
// eslint.config.mjs enforces the layers of src/: each rule, shown failing on a file that breaks it.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js')

/** What ESLint (the project's config, in its own process) reports for `code` as the file `file`. */
async function problems (file: string, code: string) {
  const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root, input: code, encoding: 'utf8' })
  if (!run.stdout) throw new Error(run.stderr)
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

test('src reaches the function core only through @shared/protocol and @shared/scene', async () => {
  expect(await problems('src/services/example.ts', "import { ErrorCode } from '@shared/protocol'\nimport { parseScene } from '@shared/scene'\nexport { ErrorCode, parseScene }\n")).toEqual([])
  expect(await problems('src/services/example.ts', "import { createEvent } from '@shared/events'\nexport { createEvent }\n"))
    .toEqual([expect.stringContaining('Only @shared/protocol and @shared/scene are meant for clients')])
  expect(await problems('src/pages/pledge/example.ts', "import { LIMITS } from '../../../cloud/core/protocol'\nexport { LIMITS }\n"))
    .toEqual([expect.stringContaining('Reach the function core through @shared/protocol or @shared/scene')])
})

test('components, hooks and services never import a page', async () => {
  const importsAPage = "import UnitBoard from '@/pages/pledge/unit-board'\nexport { UnitBoard }\n"
  for (const file of ['src/components/example.tsx', 'src/hooks/use-example.ts', 'src/services/example.ts', 'src/words/example.ts']) {
    expect([file, await problems(file, importsAPage)]).toEqual([file, [expect.stringContaining('Only pages import pages')]])
  }
  expect(await problems('src/services/example.ts', "import x from '../subpackages/poster/draw'\nexport { x }\n"))
    .toEqual([expect.stringContaining('Only pages import pages')])
  // A page may import a page's parts.
  expect(await problems('src/pages/pledge/example.ts', "import UnitBoard from './unit-board'\nexport { UnitBoard }\n")).toEqual([])
})

test('an import cycle is an error, through twins too', async () => {
  const a = path.join(root, 'src/utils/__layers-cycle-a.ts')
  const b = path.join(root, 'src/utils/__layers-cycle-b.ts')
  try {
    fs.writeFileSync(a, "import { b } from './__layers-cycle-b'\nexport const a = () => b\n")
    fs.writeFileSync(b, "import { a } from './__layers-cycle-a'\nexport const b = () => a\n")
    expect(await problems('src/utils/__layers-cycle-a.ts', fs.readFileSync(a, 'utf8'))).toEqual([expect.stringMatching(/^import-x\/no-cycle/)])
  } finally {
    fs.rmSync(a, { force: true })
    fs.rmSync(b, { force: true })
  }
  // services/network resolves to its twin (tsconfig moduleSuffixes): a twin importing its user is a cycle.
  const twin = fs.readFileSync(path.join(root, 'src/services/network.weapp.ts'), 'utf8')
  expect(await problems('src/services/network.weapp.ts', `${twin}\nimport '../pages/pledge/use-pledge'\n`))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^import-x\/no-cycle/)]))
})
