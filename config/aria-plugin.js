// Adds the aria attributes of aria-components.js to Taro's WeChat templates (build time) and to
// its runtime component list (aria-runtime.js), as @tarojs/plugin-inject does for other attributes.
const path = require('node:path')
const components = require('./aria-components')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn (platform) {
      if (process.env.TARO_ENV !== 'weapp' || !platform.template) return
      platform.template.mergeComponents(ctx, components)
      const runtime = path.join(__dirname, 'aria-runtime.js')
      platform.runtimePath = [].concat(platform.runtimePath, runtime)
    },
  })
}
