// Reads what a test tier reports, for scripts/test.mjs: how many passed and failed, and every
// test that did not run. A skipped or todo test fails `npm test` like a failing one: a check that
// quietly stops running looks the same as one that passes. Tested by test/test-report.test.ts.
import path from 'node:path'

/**
 * @typedef {object} TierResult
 * @property {number} passed
 * @property {number} failed
 * @property {string[]} notRun  one line per test that was skipped or left todo (empty when all ran)
 */

/**
 * A Jest `--json` report: numPendingTests (test.skip, describe.skip, tests left out by .only) and
 * numTodoTests, each named from its file's assertionResults.
 * @param {any} report  the parsed JSON
 * @param {string} [root]  file names are shown relative to it
 * @returns {TierResult}
 */
export function readJestReport (report, root = process.cwd()) {
  const notRun = []
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'passed' && test.status !== 'failed') {
        notRun.push(`${test.status}: ${test.fullName} (${path.relative(root, file.name)})`)
      }
    }
  }
  const counted = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  if (counted > notRun.length) {
    notRun.push(`${counted - notRun.length} more (numPendingTests ${report.numPendingTests}, numTodoTests ${report.numTodoTests})`)
  }
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, notRun }
}

/**
 * The output of `node --test --test-reporter=spec`: its summary (ℹ pass N, ℹ fail N,
 * ℹ skipped N, ℹ todo N) and the lines naming skipped (﹣ …) and todo (… # TODO) tests.
 * Output without the summary counts as not run: the tier did not report what it ran.
 * @param {string} out
 * @returns {TierResult}
 */
export function readNodeTestOutput (out) {
  const count = (label) => {
    const match = new RegExp(`^ℹ ${label} (\\d+)\\s*$`, 'm').exec(out)
    return match ? Number(match[1]) : null
  }
  const [passed, failed, skipped, todo] = ['pass', 'fail', 'skipped', 'todo'].map(count)
  if (passed === null || failed === null || skipped === null || todo === null) {
    return { passed: passed ?? 0, failed: failed ?? 0, notRun: ['no summary (ℹ pass / fail / skipped / todo) in the node --test output'] }
  }
  const notRun = []
  if (skipped > 0 || todo > 0) {
    notRun.push(`ℹ skipped ${skipped}, ℹ todo ${todo}`)
    for (const line of out.split('\n')) {
      if (/^\s*﹣ /.test(line) || /^\s*[✔✖] .* # TODO\b/.test(line)) notRun.push(line.trim())
    }
  }
  return { passed, failed, notRun }
}
