/** @jest-environment node */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createMemoryStore } from '../core/stores/memory'
import { openSqliteStore } from '../core/stores/sqlite'
import { describeStoreContract } from './store-contract'

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})

describeStoreContract('memory', async () => createMemoryStore(), { burstConcurrency: 5000, denseNumbers: true })

describeStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-sqlite-'))
  tempDirs.push(dir)
  return openSqliteStore(path.join(dir, 'pledge.db'))
}, { burstConcurrency: 5000, denseNumbers: true })
