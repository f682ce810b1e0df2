/** @jest-environment node */
// config/h5-staged-boot.js: the entry Taro generates for H5, evaluated one import per task.
import stagedBoot from '../config/h5-staged-boot'

// The shape @tarojs/taro-loader/lib/h5 generates (Taro 4.2.1, React 18, a tab bar).
const TARO_ENTRY = `
import '@tarojs/plugin-platform-h5/dist/runtime'

import { initPxTransform } from '@tarojs/taro'
import { createRouter, createHashHistory, handleAppMountWithTabbar } from '@tarojs/router'
import component from "./app"
import * as React from 'react'
import { render as legacyRender } from 'react-dom'

var config = {"pages":["pages/index/index"]}
var inst = createReactApp(component, React, config)
var history = createHashHistory({ window })
handleAppMountWithTabbar(config, history)
createRouter(history, inst, config, React)
initPxTransform({ designWidth: 750 })
`

/** Runs the staged entry with fake modules; every event is tagged with the task it ran in. */
async function run (source: string) {
  let task = 0
  let inTransition = false
  const events: Array<[string, number]> = []
  const log = (name: string) => events.push([name, task])
  const modules: Record<string, object> = {
    '@tarojs/plugin-platform-h5/dist/runtime': {},
    '@tarojs/taro': { initPxTransform: () => log('initPxTransform') },
    '@tarojs/router': {
      // The router mounts the first page through the app object.
      createRouter: (_history: unknown, app: { mount: (page: string) => void }) => { log('createRouter'); app.mount('HomePage') },
      createHashHistory: () => { log('createHashHistory'); return {} },
      handleAppMountWithTabbar: () => log('handleAppMountWithTabbar'),
    },
    './app': { default: 'App' },
    react: {
      version: '18',
      startTransition: (update: () => void) => { inTransition = true; update(); inTransition = false },
    },
    'react-dom': { render: 'render' },
  }
  class FakeChannel {
    port1: { onmessage?: () => void } = {}
    port2 = { postMessage: () => setTimeout(() => { task += 1; this.port1.onmessage?.() }) }
  }
  const load = (request: string) => { log(`import ${request}`); return Promise.resolve(modules[request]) }
  const createReactApp = (...args: unknown[]) => {
    log(`createReactApp ${JSON.stringify(args)}`)
    return { mount (page: string) { log(`mount ${page}${inTransition ? ' in a transition' : ''}`) } }
  }
  const code = stagedBoot(source).replace(/import\(\/\* webpackMode: "eager" \*\/ /g, 'load(')
  const done = new Promise<void>((resolve) => {
    modules['@tarojs/taro'] = { initPxTransform: () => { log('initPxTransform'); resolve() } }
  })
  new Function('load', 'MessageChannel', 'createReactApp', 'window', code)(load, FakeChannel, createReactApp, {})
  await done
  return events
}

test('the same imports and mount steps run in the same order, each in a task of its own; pages mount as transitions', async () => {
  const events = await run(TARO_ENTRY)
  expect(events.map(([name]) => name)).toEqual([
    'import @tarojs/plugin-platform-h5/dist/runtime',
    'import @tarojs/taro',
    'import @tarojs/router',
    'import ./app',
    'import react',
    'import react-dom',
    'createReactApp ["App",{"version":"18"},{"pages":["pages/index/index"]}]',
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

test('named, renamed, default and namespace imports keep their bindings', () => {
  const code = stagedBoot(TARO_ENTRY)
  expect(code).toContain('const { createRouter, createHashHistory, handleAppMountWithTabbar } = await import(/* webpackMode: "eager" */ "@tarojs/router")')
  expect(code).toContain('const { render: legacyRender } = await import(/* webpackMode: "eager" */ "react-dom")')
  expect(code).toContain('const component = (await import(/* webpackMode: "eager" */ "./app")).default')
  expect(code).toContain('const React = await import(/* webpackMode: "eager" */ "react")')
  expect(code).not.toMatch(/^import /m)
})

test('an entry it does not know fails the build with a clear error instead of booting wrongly', () => {
  expect(() => stagedBoot(TARO_ENTRY.replace("import * as React from 'react'", "import React, { useState } from 'react'")))
    .toThrow('h5-staged-boot: cannot stage "import React, { useState } from \'react\'"')
  expect(() => stagedBoot(TARO_ENTRY.replace(/^createRouter.*$/m, '').replace(/^handleAppMount.*$/m, '').replace(/^var history.*$/m, '')))
    .toThrow('h5-staged-boot: the entry Taro generated is not the one this loader knows')
  expect(() => stagedBoot('createRouter(history)')).toThrow('not the one this loader knows')
})
