import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// The layers of src/ (README 目录): pages and subpackages on top; components, hooks, services,
// words, content, poster and utils below them, never importing a page; the function core only
// through @shared/protocol and @shared/scene (the rest of cloud/core is the function's, some of
// it Node-only). One no-restricted-imports per file group: ESLint keeps only the last one.
const TARO_DEFAULT = { name: '@tarojs/taro', importNames: ['default'], message: 'Call the platform through src/services/.' }
const DAYJS = { name: 'dayjs', message: 'Format dates with src/utils/format-date.ts.' }
const CORE = [
  { regex: '^(\\.\\./)+cloud(/|$)', message: 'Reach the function core through @shared/protocol or @shared/scene.' },
  { regex: '^@shared/(?!(protocol|scene)$)', message: 'Only @shared/protocol and @shared/scene are meant for clients.' },
]
const PAGES = { group: ['@/pages/**', '@/subpackages/**', '**/pages/**', '**/subpackages/**'], message: 'Only pages import pages: move what is shared into components, hooks or services.' }
// tsconfig's moduleSuffixes ['.weapp', '']: `@/services/network` is services/network.weapp.ts, as
// tsc and the weapp build read it (the .h5 twin has the same imports by contract, mostly).
const typescript = createTypeScriptImportResolver({ project: 'tsconfig.json' })
const twinAware = {
  ...typescript,
  resolve (source, file) {
    const twin = typescript.resolve(`${source}.weapp`, file)
    return twin.found ? twin : typescript.resolve(source, file)
  },
}
const restricted = ({ taro = true, dayjs = true, pages = true }) => ['error', {
  paths: [...(taro ? [TARO_DEFAULT] : []), ...(dayjs ? [DAYJS] : [])],
  patterns: [...CORE, ...(pages ? [PAGES] : [])],
}]

export default tseslint.config(
  // What .gitignore leaves out is built or local, never linted (.build: the local runner's bundle).
  { ignores: ['**/dist/', 'node_modules/', 'coverage/', 'test-results/', '.temp/', '.swc/', '.build/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: {
      globals: { ...globals.browser, defineAppConfig: 'readonly', definePageConfig: 'readonly' },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
      'no-console': 'error',
    },
  },
  {
    // Pages and components reach the platform only through src/services/;
    // dates go through src/utils/format-date.ts, the one module importing dayjs.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/services/**', 'src/utils/format-date.ts'],
    rules: {
      'no-restricted-imports': restricted({ pages: false }),
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Call the network through src/services/.' },
        { name: 'localStorage', message: 'Use src/services/storage.ts.' },
        { name: 'wx', message: 'Call the platform through src/services/.' },
      ],
    },
  },
  {
    files: ['src/{components,hooks,words,content,poster,utils}/**/*.{ts,tsx}'],
    ignores: ['src/utils/format-date.ts'],
    rules: { 'no-restricted-imports': restricted({}) },
  },
  {
    files: ['src/utils/format-date.ts'],
    rules: { 'no-restricted-imports': restricted({ dayjs: false }) },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted({ taro: false }),
      // Platform twins share one signature; a twin may not need every argument (_name).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles in the app (twins resolved as the weapp build and tsc do: moduleSuffixes).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [twinAware],
      // The dependencies are read with the TypeScript parser too, or no cycle through them is seen.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/components/**/*.{h5,weapp}.tsx'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'config/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser tests and the H5 prerender hand functions to the page (page.evaluate).
    files: ['e2e/**/*.mjs', 'config/h5-startup/prerender.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
