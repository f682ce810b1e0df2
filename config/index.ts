import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { StagedBootPlugin } from './h5-staged-boot'
import devConfig from './dev'
import prodConfig from './prod'

// NutUI is drawn at 375 px, our own styles at 750 px.
const designWidth = (input?: string | number | { file?: string }) =>
  typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui/') ? 375 : 750

// The wire contract (cloud/core/protocol.ts) is shared with the cloud function; Taro only
// compiles src/ unless told otherwise.
const sharedSources = { include: [path.resolve(__dirname, '..', 'cloud/core')] }

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
    sourceRoot: 'src',
    // One folder per platform: otherwise an H5 build wipes the weapp output.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    plugins: [path.resolve(__dirname, 'private-appid-plugin.js'), path.resolve(__dirname, 'aria-plugin.js')],
    defineConstants: {},
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
        chain.optimization.merge({ splitChunks: { chunks: 'all' } })
        chain.plugin('staged-boot').use(StagedBootPlugin)
      },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
