// WeChat's screen reader reads aria-role, aria-label and aria-checked
// (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/accessibility.html), but
// Taro 4.2's WeChat templates carry none of them, so they never reached the page. These are the
// components src/services/a11y.weapp.ts puts them on ('' = no default value).
const ARIA = { 'aria-role': '', 'aria-label': '', 'aria-checked': '' }

module.exports = {
  View: ARIA,
  Text: ARIA,
  Image: { 'aria-label': '' },
  Input: { 'aria-label': '' },
}
