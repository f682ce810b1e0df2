import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { getBrowsersList } from 'miniprogram-compat'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { StagedBootPlugin } from './h5-startup/staged-boot'
import { assertTaroVersion } from './h5-startup/taro-version'
import devConfig from './dev'
import prodConfig from './prod'

// NutUI is drawn at 375 px, our own styles at 750 px.
const designWidth = (input?: string | number | { file?: string }) =>
  typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui/') ? 375 : 750

// The wire contract (cloud/core/protocol.ts) is shared with the cloud function; Taro only
// compiles src/ unless told otherwise.
const sharedSources = { include: [path.resolve(__dirname, '..', 'cloud/core')] }

// The oldest WeChat base library (基础库) we support: wx.getWindowInfo and wx.getAppBaseInfo are
// called without canIUse and exist from 2.20.1. Set the same 最低基础库版本 in the admin console.
const MIN_BASE_LIBRARY = '2.20.1'

// The H5 start-up (config/h5-startup) rewrites what one Taro release generates: another stops the build.
if (process.env.TARO_ENV === 'h5') assertTaroVersion(path.resolve(__dirname, '..'))

// WeChat runs our JS on the phone's own engine (JavaScriptCore on iOS: no `?.` before 13.4) and
// does not transpile on upload, so the weapp build targets the engines miniprogram-compat lists for
// that base library (ios 11, chrome 53, safari 10); H5 keeps package.json's modern browserslist.
// BROWSERSLIST overrides it for Babel (babel-preset-taro) and autoprefixer (WXSS). Chrome 53 and
// Safari 10 lack async functions: they become native generators, with no regenerator runtime.
// Taro already runs node_modules/*taro* (Taro, NutUI) through Babel; the other packages in the
// bundle (React, dayjs, @babel/runtime …) ship ES2015 syntax, so compile.include needs no more.
if (process.env.TARO_ENV === 'weapp') process.env.BROWSERSLIST = getBrowsersList(MIN_BASE_LIBRARY)!.join(', ')

// WeChat templates cannot recurse, so Taro writes base.wxml with one copy of every component's
// template per level of nesting (default 16): most of its size. Our pages nest at most 9 deep
// (test/weapp-run/pages.test.ts measures every page against this); past it, Taro would continue
// through its `comp` custom component, which still renders, only slower.
export const TEMPLATE_LEVELS = 12

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'quality-month-2024',
    date: '2024-9-1',
    designWidth,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    baseLevel: TEMPLATE_LEVELS,
    sourceRoot: 'src',
    // One folder per platform: otherwise an H5 build wipes the weapp output.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      // The function core's modules meant for clients (lint allows protocol and scene only).
      '@shared': path.resolve(__dirname, '..', 'cloud/core'),
    },
    plugins: [path.resolve(__dirname, 'private-appid-plugin.js'), path.resolve(__dirname, 'aria-plugin.js')],
    // WeChat has no `process`: a TARO_APP_* value no .env file sets would stay in the build as
    // `process.env.…` and throw at launch, so the cloud env is always written in ('' = default env).
    defineConstants: {
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    // Share covers are referenced by path from the share menu, and theme.json by app.json: files (weapp only).
    copy: {
      patterns: process.env.TARO_ENV === 'weapp'
        ? [{ from: 'src/assets/share/', to: 'dist/weapp/assets/share/' }, { from: 'src/theme.json', to: 'dist/weapp/theme.json' }]
        : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's mini-program default escapes every non-ASCII character (\uXXXX, 6 bytes); WeChat and
    // browsers read UTF-8 source, where a Chinese character is 3. The campaign text is most of the JS.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile: sharedSources,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain (chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile: sharedSources,
      useHtmlComponents: true,
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain (chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro's 'initial' split duplicates the shared runtime into every page chunk.
        chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 40000, maxAsyncRequests: 4 } })
        chain.plugin('staged-boot').use(StagedBootPlugin)
      },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
