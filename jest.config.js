// Jest for the unit tier: src/ pages and services against the real Taro H5 runtime
// (@tarojs/test-utils-react) in jsdom; cloud/ and server/ tests opt into Node with
// a `/** @jest-environment node */` docblock.
const path = require('node:path')

const testUtils = path.dirname(require.resolve('@tarojs/test-utils-react/package.json'))
const taroH5Runtime = path.join(testUtils, 'dist/jest/runtime/taro-h5.js')

/** @type {import('jest').Config} */
const unit = {
  displayName: 'unit',
  testEnvironment: 'jsdom',
  testMatch: [
    '<rootDir>/test/**/*.test.{ts,tsx}',
    '<rootDir>/cloud/**/*.test.ts',
    '<rootDir>/server/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/dist/', '/node_modules/', '<rootDir>/e2e/', '<rootDir>/test/weapp-run/', '<rootDir>/test/weapp-twins/'],
  setupFiles: ['<rootDir>/test/support/setup.js'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  transform: {
    // The test-utils runtime re-exports @tarojs/taro-h5; its transformer adds the React
    // hooks (useRouter, useShareAppMessage …) the way Taro's H5 build does.
    [`^${taroH5Runtime.replace(/[.\\/]/g, '\\$&')}$`]: path.join(testUtils, 'dist/jest/babel-transformer.js'),
    // Everything else, ours and ESM from node_modules (NutUI's swiper ships .mjs), goes
    // through babel.config.js: babel-preset-taro emits CommonJS for Node when NODE_ENV=test.
    '^.+\\.(ts|tsx|js|jsx|mjs|cjs)$': 'babel-jest',
  },
  // Taro, Stencil and NutUI ship ESM, so node_modules is transformed except packages that
  // are CommonJS already: transforming Jest, Babel or React themselves crashes, the rest
  // would only slow a cold run.
  transformIgnorePatterns: [
    '/node_modules/(jest[^/]*|@jest|babel[^/]*|@babel|react|react-dom|scheduler|jsdom)/',
    '/node_modules/(@testing-library|aria-query|dom-accessibility-api|pretty-format|react-is)/',
    '/node_modules/(dayjs|opencc-js|better-sqlite3|bindings|file-uri-to-path|esbuild)/',
  ],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': '<rootDir>/test/support/style-stub.js',
    // Platform twins: tests run the H5 one, as Taro's H5 build resolves it.
    '^(?:\\./|@/services/)(cloud-transport|launch|system-font|network|app-shell|canvas|share-code|invite|files|a11y|privacy|way-back|bars)$': '<rootDir>/src/services/$1.h5.ts',
    // By alias only: `./public-stats` is also a module of server/ and of cloud/core/.
    '^@/services/(public-stats)$': '<rootDir>/src/services/$1.h5.ts',
    '^@/components/(tab-bar)$': '<rootDir>/src/components/$1/index.h5.tsx',
    '^\\./(report-link)$': '<rootDir>/src/pages/index/$1.h5.tsx',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@shared/(.*)$': '<rootDir>/cloud/core/$1',
    // As Taro's H5 build aliases them: the H5 APIs plus hooks, and (h5.useHtmlComponents) the
    // components as plain React elements.
    '^@tarojs/taro$': taroH5Runtime,
    '^@tarojs/components$': '@tarojs/components-react',
    '^\\./components/refresher/index\\.js$': '<rootDir>/test/support/refresher.js',
  },
  // Defined by Taro's H5 webpack plugin (false unless the app opts into the old adapter).
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
}

/**
 * The `.weapp.ts` twins, which the unit project never runs, on Taro's real weapp API layer
 * (@tarojs/api + plugin-platform-weapp's initNativeApi) over the `wx` fake: see
 * test/weapp-twins/taro-weapp.ts. Node, not jsdom: a mini-program has no DOM.
 */
const weapp = {
  displayName: 'weapp',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/weapp-twins/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/weapp-twins/setup.js'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  // @tarojs/runtime and the weapp plugin's runtime ship ESM.
  transform: { '^.+\\.(ts|tsx|js|jsx|mjs|cjs)$': 'babel-jest' },
  transformIgnorePatterns: unit.transformIgnorePatterns,
  moduleNameMapper: {
    // The unit project's twins, resolved as Taro's weapp build resolves them.
    '^(?:\\./|@/services/)(cloud-transport|launch|system-font|network|app-shell|canvas|share-code|invite|files|a11y|privacy|way-back|bars)$': '<rootDir>/src/services/$1.weapp.ts',
    '^@/services/(public-stats)$': '<rootDir>/src/services/$1.weapp.ts',
    '^@/components/(tab-bar)$': '<rootDir>/src/components/$1/index.weapp.tsx',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@shared/(.*)$': '<rootDir>/cloud/core/$1',
  },
  // @tarojs/runtime's build constants, as @tarojs/webpack5-runner's MiniWebpackPlugin defines
  // them when config/ sets no `mini.runtime` options.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: false,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: false,
    ENABLE_CLONE_NODE: false,
    ENABLE_CONTAINS: false,
    ENABLE_MUTATION_OBSERVER: false,
  },
}

/**
 * The built mini-program itself (dist/weapp, so it runs after the weapp build): its compiled JS
 * runs untransformed under miniprogram-simulate; only our TypeScript (harness, fake, function
 * core) goes through Babel.
 */
const weappRun = {
  displayName: 'weapp-run',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp-run/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['<rootDir>/test/weapp-run/setup.js'],
  // Tests read the expected words from the content and the poster templates themselves.
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', '^@shared/(.*)$': '<rootDir>/cloud/core/$1' },
}

module.exports = { projects: [unit, weapp, weappRun] }
