import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

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
      'no-restricted-imports': ['error', {
        paths: [
          { name: '@tarojs/taro', importNames: ['default'], message: 'Call the platform through src/services/.' },
          { name: 'dayjs', message: 'Format dates with src/utils/format-date.ts.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Call the network through src/services/.' },
        { name: 'localStorage', message: 'Use src/services/preferences.ts.' },
        { name: 'wx', message: 'Call the platform through src/services/.' },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'dayjs', message: 'Format dates with src/utils/format-date.ts.' }],
      }],
      // Platform twins share one signature; a twin may not need every argument (_name).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
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
