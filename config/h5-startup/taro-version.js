// The H5 start-up changes what these Taro packages generate and render (README.md beside this
// file lists each assumption). It was written against one Taro release; another one may generate
// a different entry, markup or storage format, so the build stops and says what to check.
const fs = require('node:fs')
const path = require('node:path')

/** The Taro release the start-up was written and checked against. */
const WRITTEN_FOR = '4.2.1'

/** The packages whose output the start-up relies on (README.md: what each is relied on for). */
const RELIED_ON = [
  '@tarojs/taro-loader',
  '@tarojs/router',
  '@tarojs/runtime',
  '@tarojs/taro-h5',
  '@tarojs/plugin-platform-h5',
  '@tarojs/plugin-framework-react',
  '@tarojs/webpack5-runner',
  '@tarojs/components',
]

/** The installed versions that differ from WRITTEN_FOR, as `name version` lines. */
function mismatches (root) {
  return RELIED_ON.flatMap((name) => {
    const file = path.join(root, 'node_modules', name, 'package.json')
    const installed = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : '未安装'
    return installed === WRITTEN_FOR ? [] : [`${name} ${installed}`]
  })
}

/** Throws, naming every package that is not WRITTEN_FOR, before anything is built. */
function assertTaroVersion (root) {
  const found = mismatches(root)
  if (found.length === 0) return
  throw new Error([
    `H5 启动优化（config/h5-startup）是按 Taro ${WRITTEN_FOR} 写的，现在安装的是：`,
    ...found.map((line) => `  ${line}`),
    `请按 config/h5-startup/README.md 逐项核对新版本生成的入口、页面结构和存储格式，`,
    `通过 npm test 后再把 config/h5-startup/taro-version.js 的 WRITTEN_FOR 改为新版本。`,
  ].join('\n'))
}

module.exports = { WRITTEN_FOR, RELIED_ON, mismatches, assertTaroVersion }
