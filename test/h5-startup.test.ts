/** @jest-environment node */
// config/h5-startup: the staged boot runs on the entry the installed @tarojs/taro-loader really
// generates for this app, and the build refuses a Taro release the start-up was not written for.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import stagedBoot from '../config/h5-startup/staged-boot'
import { assertTaroVersion, mismatches, RELIED_ON, WRITTEN_FOR } from '../config/h5-startup/taro-version'

const root = path.resolve(__dirname, '..')
const src = path.join(root, 'src')

interface AppConfig { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }

/** src/app.config.ts as the H5 build reads it. */
function appConfig (): AppConfig {
  const env = process.env.TARO_ENV
  process.env.TARO_ENV = 'h5'
  ;(globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config
  try {
    let config: AppConfig | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a config file, read after its global
      config = require('../src/app.config').default
    })
    return config!
  } finally {
    process.env.TARO_ENV = env
  }
}

/**
 * What the installed taro-loader generates for this app, with the options Taro's H5 plugin
 * (@tarojs/webpack5-runner plugins/H5Plugin.js) passes it. loaderMeta is what
 * @tarojs/plugin-framework-react's getLoaderMeta gives for React 18 on the web (not exported;
 * taro-version.js pins that package).
 */
function realEntry (): string {
  const config = appConfig()
  const pages = [...config.pages, ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
  const options = {
    entryFileName: 'app',
    filename: 'app',
    sourceDir: src,
    runtimePath: ['@tarojs/plugin-platform-h5/dist/runtime'],
    config: { router: { mode: 'hash' }, ...config },
    framework: 'react',
    loaderMeta: {
      importFrameworkStatement: "\nimport * as React from 'react'\nimport ReactDOM from 'react-dom/client'\n",
      frameworkArgs: 'React, ReactDOM, config',
      creator: 'createReactApp',
      creatorLocation: '@tarojs/plugin-framework-react/dist/runtime',
      importFrameworkName: 'React',
      extraImportForWeb: "import { findDOMNode, render, unstable_batchedUpdates } from 'react-dom'\n",
      execBeforeCreateWebApp: 'Object.assign(ReactDOM, { findDOMNode, render, unstable_batchedUpdates })\n',
    },
    pages: pages.map((page) => [page, path.join(src, `${page}.config.ts`)]),
    pxTransformConfig: { designWidth: 750, deviceRatio: { 750: 1 }, baseFontSize: 20, unitPrecision: 5, targetUnit: 'rem' },
    bootstrap: false,
    isBuildNativeComp: false,
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed loader itself
  const loader = require('@tarojs/taro-loader/lib/h5').default as (this: object) => string
  return loader.call({
    getOptions: () => options,
    mode: 'production',
    resourcePath: path.join(src, 'app.config.ts'),
    context: src,
    rootContext: root,
    utils: { contextify: (context: string, request: string) => `./${path.relative(context, request)}` },
  })
}

/** The entry's own import statements, in order. */
const importsOf = (source: string) => [...source.matchAll(/^import\s+(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/gm)].map(([, request]) => request)

/** Runs the staged entry with fake modules; every event is tagged with the task it ran in. */
async function run (source: string) {
  let task = 0
  let inTransition = false
  const events: Array<[string, number]> = []
  const log = (name: string) => events.push([name, task])
  let done!: () => void
  const finished = new Promise<void>((resolve) => { done = resolve })
  const modules: Record<string, object> = {
    '@tarojs/taro': { initPxTransform: () => { log('initPxTransform'); done() } },
    '@tarojs/router': {
      // The router mounts the first page through the app object.
      createRouter: (_history: unknown, app: { mount: (page: string) => void }) => { log('createRouter'); app.mount('HomePage') },
      createHashHistory: () => { log('createHashHistory'); return {} },
      handleAppMountWithTabbar: () => log('handleAppMountWithTabbar'),
    },
    '@tarojs/runtime': { window: {} },
    '@tarojs/plugin-framework-react/dist/runtime': {
      createReactApp: () => {
        log('createReactApp')
        return { mount (page: string) { log(`mount ${page}${inTransition ? ' in a transition' : ''}`) } }
      },
    },
    react: { startTransition: (update: () => void) => { inTransition = true; update(); inTransition = false } },
    'react-dom/client': { default: {} },
  }
  class FakeChannel {
    port1: { onmessage?: () => void } = {}
    port2 = { postMessage: () => setTimeout(() => { task += 1; this.port1.onmessage?.() }) }
  }
  const load = (request: string) => { log(`import ${request}`); return Promise.resolve(modules[request] ?? { default: {} }) }
  const code = stagedBoot(source).replace(/import\(\/\* webpackMode: "eager" \*\/ /g, 'load(')
  new Function('load', 'MessageChannel', code)(load, FakeChannel)
  await finished
  return events
}

describe('on the entry the installed taro-loader generates', () => {
  const entry = realEntry()

  test('is an entry for this app: its pages, the tab bar, React 18', () => {
    expect(entry).toContain('"pages/pledge/index"')
    expect(entry).toContain('handleAppMountWithTabbar(config, history)')
    expect(importsOf(entry)).toContain('react-dom/client')
  })

  test('the same imports and mount steps run in the same order, each in a task of its own; pages mount as transitions', async () => {
    const events = await run(entry)
    const imports = importsOf(entry)
    expect(imports.length).toBeGreaterThan(6)
    expect(events.map(([name]) => name)).toEqual([
      ...imports.map((request) => `import ${request}`),
      'createReactApp',
      'createHashHistory',
      'handleAppMountWithTabbar',
      'createRouter',
      'mount HomePage in a transition',
      'initPxTransform',
    ])
    const tasks = events.map(([, task]) => task)
    // createRouter, its first mount and initPxTransform stay together: Taro's order inside a step is kept.
    expect(new Set(tasks).size).toBe(tasks.length - 2)
    expect([...tasks].sort((a, b) => a - b)).toEqual(tasks)
  })

  test('named, renamed, default, namespace and bare imports keep their bindings; none is left static', () => {
    const code = stagedBoot(entry)
    expect(code).toContain('const { createRouter, createHashHistory, handleAppMountWithTabbar } = await import(/* webpackMode: "eager" */ "@tarojs/router")')
    expect(code).toContain('const component = (await import(/* webpackMode: "eager" */ "./app")).default')
    expect(code).toContain('const React = await import(/* webpackMode: "eager" */ "react")')
    expect(code).toContain('await import(/* webpackMode: "eager" */ "@tarojs/components/global.css")')
    expect(code).not.toMatch(/^import /m)
    expect(stagedBoot(entry.replace("import { window } from '@tarojs/runtime'", "import { window as w } from '@tarojs/runtime'")))
      .toContain('const { window: w } = await import(/* webpackMode: "eager" */ "@tarojs/runtime")')
  })

  test('an entry it does not know fails the build with a clear error instead of booting wrongly', () => {
    expect(() => stagedBoot(entry.replace("import * as React from 'react'", "import React, { useState } from 'react'")))
      .toThrow('h5-staged-boot: cannot stage "import React, { useState } from \'react\'"')
    expect(() => stagedBoot(entry.replace(/^createRouter.*$/m, '').replace(/^handleAppMount.*$/m, '').replace(/^var history.*$/m, '')))
      .toThrow('h5-staged-boot: the entry Taro generated is not the one this loader knows')
    expect(() => stagedBoot('createRouter(history)')).toThrow('not the one this loader knows')
  })
})

describe('the Taro release guard', () => {
  /** A project folder whose node_modules has the relied-on packages at these versions. */
  function projectWith (version: (name: string) => string | null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-taro-'))
    for (const name of RELIED_ON) {
      const installed = version(name)
      if (installed === null) continue
      fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true })
      fs.writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: installed }))
    }
    return dir
  }

  test('passes on this checkout: every relied-on package is the release it was written for', () => {
    expect(mismatches(root)).toEqual([])
    expect(() => assertTaroVersion(root)).not.toThrow()
  })

  test('names each package of another release (or missing), and says what to do', () => {
    const dir = projectWith((name) => (name === '@tarojs/taro-loader' ? '4.3.0' : name === '@tarojs/router' ? null : WRITTEN_FOR))
    expect(mismatches(dir)).toEqual(['@tarojs/taro-loader 4.3.0', '@tarojs/router 未安装'])
    expect(() => assertTaroVersion(dir)).toThrow(/按 Taro 4\.2\.1 写的[\s\S]*@tarojs\/taro-loader 4\.3\.0[\s\S]*config\/h5-startup\/README\.md/)
  })
})
