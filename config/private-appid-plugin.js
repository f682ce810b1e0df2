// Taro writes TARO_APP_ID only into dist/weapp/project.config.json, but WeChat DevTools opens the
// repository root. DevTools lets the git-ignored project.private.config.json override `appid`
// (https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html), so mirror it there.
const fs = require('node:fs')
const path = require('node:path')

module.exports = (ctx) => {
  ctx.onBuildFinish(() => {
    const appid = process.env.TARO_APP_ID
    if (process.env.TARO_ENV !== 'weapp' || !appid) return
    const file = path.join(ctx.paths.appPath, 'project.private.config.json')
    const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
    if (current.appid === appid) return
    fs.writeFileSync(file, `${JSON.stringify({ ...current, appid }, null, 2)}\n`)
  })
}
