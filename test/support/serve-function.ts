import { createWordListChecker } from '../../cloud/core/content-check'
import { handle } from '../../cloud/core/handle'
import { createMemoryStore } from '../../cloud/core/stores/memory'

/** The real function core behind fetch, as the local runner serves it, for one browser identity. */
export function serveFunction (identity = 'browser-1') {
  const deps = { store: createMemoryStore(), contentCheck: createWordListChecker() }
  const calls: string[] = []
  const fetchMock = jest.fn(async (_url: string, init: { body: string }) => {
    const data = JSON.parse(init.body)
    calls.push(data.action)
    const result = await handle(identity, data, deps)
    return { status: 200, json: async () => result }
  })
  global.fetch = fetchMock as unknown as typeof fetch
  return { deps, calls }
}
