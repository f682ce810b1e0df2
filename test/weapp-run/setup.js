// The function core (cloud/core) runs in this process beside the app, as Node runs it in the
// cloud; jsdom lacks the encoder Node gives it.
const { TextEncoder, TextDecoder } = require('node:util')
Object.assign(globalThis, { TextEncoder, TextDecoder })
