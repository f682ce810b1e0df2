// The part of Taro's React glue the page tests use; the package ships no types for it.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  import type { ComponentType } from 'react'

  export function createReactApp (App: ComponentType, react: unknown, dom: unknown, config: object): unknown
  export function connectReactPage (react: unknown, id: string): (Page: ComponentType) => ComponentType
}
