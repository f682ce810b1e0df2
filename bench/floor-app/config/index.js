// A one-page Taro 4 H5 app with Taro's defaults: the floor `npm run bench` compares the app with.
const { defineConfig } = require('@tarojs/cli')

module.exports = defineConfig({
  projectName: 'quality-month-bench-floor',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 828: 1.81 / 2, 375: 2 },
  sourceRoot: 'src',
  outputRoot: 'dist/h5',
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  h5: { publicPath: '/', staticDirectory: 'static' },
})
