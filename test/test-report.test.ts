/** @jest-environment node */
// scripts/test.mjs fails a tier whose report shows a skipped or todo test. These run the real
// Jest and `node --test` on small fixture suites, so the parsing is checked against the reports
// this Jest and this Node actually write.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readJestReport, readNodeTestOutput } from '../scripts/test-report.mjs'

let dir: string

beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-report-')) })
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }) })

/** Runs Jest (without this repository's config) on one fixture file; returns its --json report. */
function jestReportOf (source: string): unknown {
  fs.writeFileSync(path.join(dir, 'fixture.test.js'), source)
  const outputFile = path.join(dir, 'report.json')
  const config = JSON.stringify({ rootDir: dir, testEnvironment: 'node', transform: {} })
  spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', config, '--no-watchman', '--ci', '--json', `--outputFile=${outputFile}`], {
    cwd: dir,
    encoding: 'utf8',
  })
  return JSON.parse(fs.readFileSync(outputFile, 'utf8'))
}

/** Runs `node --test` with the spec reporter, as scripts/test.mjs does, on one fixture file. */
function nodeTestOutputOf (source: string): string {
  fs.writeFileSync(path.join(dir, 'fixture.test.mjs'), source)
  const { stdout } = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'fixture.test.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  return stdout
}

describe('readJestReport', () => {
  test('names each skipped, excluded and todo test', () => {
    const result = readJestReport(jestReportOf(`
      test('runs', () => {})
      test.skip('is skipped', () => {})
      describe.skip('a skipped group', () => { test('inside it', () => {}) })
      test.todo('is still to do')
    `), dir)
    expect(result.passed).toBe(1)
    expect(result.failed).toBe(0)
    expect(result.notRun).toEqual([
      'pending: is skipped (fixture.test.js)',
      'pending: a skipped group inside it (fixture.test.js)',
      'todo: is still to do (fixture.test.js)',
    ])
  }, 30_000)

  test('reports nothing when every test ran, failing ones included', () => {
    const result = readJestReport(jestReportOf(`
      test('runs', () => {})
      test('fails', () => { throw new Error('no') })
    `), dir)
    expect(result).toEqual({ passed: 1, failed: 1, notRun: [] })
  }, 30_000)

  test('still fails when the counts say more did not run than the files name', () => {
    const report = { numPassedTests: 2, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0, testResults: [] }
    expect(readJestReport(report).notRun).toEqual(['1 more (numPendingTests 1, numTodoTests 0)'])
  })
})

describe('readNodeTestOutput', () => {
  test('counts and names skipped and todo tests from the spec reporter', () => {
    const result = readNodeTestOutput(nodeTestOutputOf(`
      import test, { describe, it } from 'node:test'
      test('runs', () => {})
      test('is skipped', { skip: 'no chromium' }, () => {})
      test('is still to do', { todo: true }, () => {})
      describe('group', () => { it('skips itself', (t) => { t.skip('not here') }) })
    `))
    expect(result.passed).toBe(1)
    expect(result.failed).toBe(0)
    expect(result.notRun[0]).toBe('ℹ skipped 2, ℹ todo 1')
    expect(result.notRun.slice(1)).toEqual([
      expect.stringMatching(/^﹣ is skipped \(.*\) # no chromium$/),
      expect.stringMatching(/^✔ is still to do \(.*\) # TODO$/),
      expect.stringMatching(/^﹣ skips itself \(.*\) # not here$/),
    ])
  })

  test('reports nothing when every test ran, failing ones included', () => {
    const result = readNodeTestOutput(nodeTestOutputOf(`
      import test from 'node:test'
      test('runs', () => {})
      test('fails', () => { throw new Error('no') })
    `))
    expect(result).toEqual({ passed: 1, failed: 1, notRun: [] })
  })

  test('output without a summary does not pass as "nothing skipped"', () => {
    expect(readNodeTestOutput('Error: Cannot find module\n').notRun).toEqual([
      'no summary (ℹ pass / fail / skipped / todo) in the node --test output',
    ])
  })
})
