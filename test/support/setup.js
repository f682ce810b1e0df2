// Runs before every test file. The jsdom tests get what Taro's H5 build defines: the H5
// APIs, and pages rendered as web pages (div.taro_page). cloud/ and server/ tests run in Node.
if (typeof window !== 'undefined') {
  process.env.TARO_ENV = 'h5'
  process.env.TARO_PLATFORM = 'web'
}

// jsdom lacks the encoders browsers have; the pledge page tests run the real function core.
if (typeof window !== 'undefined' && typeof globalThis.TextEncoder === 'undefined') {
  const { TextEncoder, TextDecoder } = require('node:util')
  Object.assign(globalThis, { TextEncoder, TextDecoder })
}
