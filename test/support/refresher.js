// @tarojs/components-react's Refresher is `const Refresher = View`, with View imported from
// '@tarojs/components', i.e. the library itself: a cycle webpack's ES modules tolerate and Jest's
// CommonJS does not (View is still undefined then). Same component, without the cycle.
export { default } from '@tarojs/components-react/dist/components/view/index.js'
