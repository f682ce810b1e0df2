#!/usr/bin/env node
// `npm test`: every tier in order, stopping at the first failure.
// typecheck → lint → content sync → unit (Jest: unit + weapp twins) → weapp build + wcc/wcsc →
// weapp run (Jest: dist/weapp in miniprogram-simulate) → size → H5 build → browser (node --test).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const jestReport = (stage) => path.join(os.tmpdir(), `jest-report-${process.pid}-${stage}.json`)
const seed = path.resolve('../shared/seed/000_35242d59f85e6fb5.txt')

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  // Content is committed; when the seed is beside the repo, prove it still regenerates identically.
  ...(fs.existsSync(seed) ? [['content', 'node', ['scripts/build-content.mjs', '--check']]] : []),
  ['unit', 'npx', ['jest', '--selectProjects', 'unit', 'weapp', '--json', `--outputFile=${jestReport('unit')}`]],
  ['weapp', 'node', ['scripts/check-weapp.mjs']],
  ['weapp-run', 'npx', ['jest', '--selectProjects', 'weapp-run', '--json', `--outputFile=${jestReport('weapp-run')}`]],
  ['size', 'node', ['scripts/size.mjs', '--no-build']],
  ['build:h5', 'npm', ['run', '--silent', 'build:h5']],
  ['browser', 'node', ['--test', '--test-concurrency=2', '--test-reporter=spec', 'e2e/']],
]

const counts = { passed: 0, failed: 0 }

function run (name, cmd, args) {
  const started = Date.now()
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  return new Promise((resolve) => {
    let out = ''
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } })
    child.stdout.on('data', (chunk) => {
      out += chunk
      process.stdout.write(chunk)
    })
    child.on('close', (code) => {
      console.log(`◀ ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      resolve({ code, out })
    })
  })
}

function tally (name, out) {
  const report = jestReport(name)
  if (fs.existsSync(report)) {
    const { numPassedTests, numFailedTests } = JSON.parse(fs.readFileSync(report, 'utf8'))
    counts.passed += numPassedTests
    counts.failed += numFailedTests
    fs.rmSync(report)
  }
  if (name === 'browser') {
    counts.passed += Number(/^ℹ pass (\d+)/m.exec(out)?.[1] ?? 0)
    counts.failed += Number(/^ℹ fail (\d+)/m.exec(out)?.[1] ?? 0)
  }
}

let failedStage = null
for (const [name, cmd, args] of stages) {
  const { code, out } = await run(name, cmd, args)
  tally(name, out)
  if (code !== 0) {
    failedStage = name
    break
  }
}

console.log(failedStage ? `\nnpm test: stopped at ${failedStage}` : '\nnpm test: all tiers passed')
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exit(failedStage || counts.failed > 0 ? 1 : 0)
