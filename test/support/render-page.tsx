import type { ComponentType } from 'react'
import * as React from 'react'
import { render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current, type PageInstance } from '@tarojs/runtime'
import { connectReactPage, createReactApp } from '@tarojs/plugin-framework-react/dist/runtime'
import App from '@/app'

interface PageOptions {
  /** Page path as in app.config.ts, e.g. ROUTES.news; also the page's id. */
  path: string
  /** The query the page was opened with, as useRouter().params sees it. */
  params?: Record<string, string>
}

let appCreated = false

/**
 * Mounts one page inside the app the way Taro's H5 runtime does (test-utils' createApp()
 * does not run on Taro 4): the page wrapped by connectReactPage, so Taro's hooks find
 * their page instance, and Current.router / Current.page describing the opened page.
 */
export function renderPage (Page: ComponentType, { path, params = {} }: PageOptions) {
  if (!appCreated) {
    // Hands Taro's hooks and page wrapper the React and ReactDOM they call into.
    // (Required untyped: the project has no @types/react-dom.)
    createReactApp(App, React, jest.requireActual('react-dom'), {})
    appCreated = true
  }
  Current.router = { params, path, $taroPath: path, onReady: '', onHide: '', onShow: '' }
  Current.page = { path } as PageInstance
  // Taro's page stack: this page alone, as when opened by its URL. (The router that keeps the real
  // one is not created here, and its getCurrentPages throws without it.)
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: path.replace(/^\//, '') }] as ReturnType<typeof Taro.getCurrentPages>)
  const PageWrapper = connectReactPage(React, path)(Page)
  return render(<App><PageWrapper /></App>)
}
