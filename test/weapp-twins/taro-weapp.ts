/**
 * The `.weapp.ts` twins run on Taro's real weapp API layer over the project's `wx` fake. In the
 * weapp build `@tarojs/taro` is `@tarojs/api` whose APIs plugin-platform-weapp's `initNativeApi`
 * fills in when `@tarojs/taro` loads: it promisifies every key of the global `wx` as it is then and
 * keeps that object (processApis), so each fake needs its own module registry.
 */
import { createWxFake } from '../support/wx-fake'
import type { WxFake, WxFakeOptions } from '../support/wx-fake'

/**
 * A fresh fake installed as `wx`, with a fresh Taro on top of it; then `load()` imports the twin
 * (a dynamic import, so it and everything it imports come from the new registry).
 */
export async function onWeapp<Module> (load: () => Promise<Module>, options: WxFakeOptions = {}): Promise<{ fake: WxFake } & Module> {
  jest.resetModules()
  const fake = createWxFake(options)
  // Globals WeChat gives every mini-program; Taro's init reads getCurrentPages and getApp.
  Object.assign(globalThis, { wx: fake.wx, getCurrentPages: fake.getCurrentPages, getApp: () => ({}) })
  // Taro's weapp entry loads the platform runtime first: it registers initNativeApi.
  await import('@tarojs/plugin-platform-weapp/dist/runtime')
  await import('@tarojs/taro')
  return { fake, ...(await load()) }
}
