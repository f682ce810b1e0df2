#!/usr/bin/env node
// `npm test`: every tier in order, stopping at the first failure.
// typecheck → lint → content sync → unit (Jest: unit + weapp twins) → weapp build + wcc/wcsc →
// weapp run (Jest: dist/weapp in miniprogram-simulate) → size → H5 build → browser (node --test).
// A skipped or todo test fails its tier as a failing test does (scripts/test-report.mjs).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readJestReport, readNodeTestOutput } from './test-report.mjs'

const jestReport = (stage) => path.join(os.tmpdir(), `jest-report-${process.pid}-${stage}.json`)

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  // The content is committed; prove that its committed source (src/content/source/) still regenerates it.
  ['content', 'node', ['scripts/build-content.mjs', '--check']],
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

/** Adds a test tier's counts to the total; returns the tests it did not run. */
function tally (name, out) {
  let result = null
  if (name === 'unit' || name === 'weapp-run') {
    const report = jestReport(name)
    if (fs.existsSync(report)) {
      result = readJestReport(JSON.parse(fs.readFileSync(report, 'utf8')))
      fs.rmSync(report)
    } else {
      result = { passed: 0, failed: 0, notRun: [`no Jest report at ${report}`] }
    }
  }
  if (name === 'browser') result = readNodeTestOutput(out)
  if (!result) return []
  counts.passed += result.passed
  counts.failed += result.failed
  return result.notRun
}

let failedStage = null
for (const [name, cmd, args] of stages) {
  const { code, out } = await run(name, cmd, args)
  const notRun = tally(name, out)
  if (notRun.length > 0) {
    console.error(`\n✖ ${name}: tests that did not run (a skipped or todo test fails npm test):`)
    for (const line of notRun) console.error(`  ${line}`)
  }
  if (code !== 0 || notRun.length > 0) {
    failedStage = name
    break
  }
}

console.log(failedStage ? `\nnpm test: stopped at ${failedStage}` : '\nnpm test: all tiers passed')
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exit(failedStage || counts.failed > 0 ? 1 : 0)
