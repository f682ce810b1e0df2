/**
 * The one contract every PledgeStore adapter passes (memory, SQLite, CloudBase on a fake db).
 * Call `describeStoreContract` from a test file with a factory for fresh, empty stores.
 */
import type { EventRecord, NewPledge, NewsRecord, PledgeStore } from '../core/store'
import { runConcurrently, seededRandom, shuffle } from './random'

export interface ContractOptions {
  /** Calls in flight during the bursts; a CloudBase function runs one call per instance. */
  burstConcurrency: number
  /** Numbers are 1, 2, 3… in signing order (memory, SQLite); otherwise only unique and never reused (CloudBase shards). */
  denseNumbers: boolean
}

const at = '2024-09-01T08:00:00.000Z'
const pledge = (identity: string, extra: Partial<NewPledge> = {}): NewPledge => ({
  identity, company: null, source: null, pledgedAt: at, ...extra,
})

const event = (id: string, createdAt: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  id, name: `活动 ${id}`, date: '2024-09-10', place: '北京', createdBy: 'o-admin', createdAt, ...extra,
})

async function yieldRandomly (random: () => number): Promise<void> {
  for (let i = Math.floor(random() * 4); i > 0; i -= 1) await new Promise<void>((resolve) => setImmediate(resolve))
}

export function describeStoreContract (name: string, open: () => Promise<PledgeStore>, options: ContractOptions): void {
  describe(`PledgeStore contract: ${name}`, () => {
    let store: PledgeStore
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store.close()
    })

    it('starts empty', async () => {
      expect(await store.total()).toBe(0)
      expect(await store.get('nobody')).toBeNull()
      expect(await store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
      expect(await store.stats({ companies: 10, sources: 10 })).toEqual({ total: 0, topCompanies: [], sources: [] })
    })

    it('signs once per identity: a repeat returns the stored pledge and changes nothing', async () => {
      const first = await store.sign(pledge('alice', { company: '甲公司', source: 'e:expo' }))
      // A store may also say the company's count it learnt in the write; then it must be right.
      if (first.companyCount !== undefined) expect(first.companyCount).toBe(await store.companyCount('甲公司'))
      expect({ ...first, companyCount: undefined }).toEqual({
        companyCount: undefined,
        created: true,
        total: 1,
        pledge: { identity: 'alice', number: expect.any(Number), company: '甲公司', source: 'e:expo', pledgedAt: at },
      })
      if (options.denseNumbers) expect(first.pledge.number).toBe(1)
      expect(first.pledge.number).toBeGreaterThanOrEqual(1)
      const again = await store.sign(pledge('alice', { company: '乙公司', pledgedAt: '2024-09-02T00:00:00.000Z' }))
      expect({ ...again, companyCount: undefined }).toEqual({ ...first, created: false, companyCount: undefined })
      expect(await store.get('alice')).toEqual(first.pledge)
      expect(await store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
    })

    it('withdraw deletes the pledge; a repeat withdraw is a no-op', async () => {
      await store.sign(pledge('alice'))
      await store.sign(pledge('bob'))
      expect(await store.withdraw('alice')).toEqual({ withdrawn: true, total: 1 })
      expect(await store.get('alice')).toBeNull()
      expect(await store.withdraw('alice')).toEqual({ withdrawn: false, total: 1 })
      expect(await store.withdraw('never-signed')).toEqual({ withdrawn: false, total: 1 })
      expect(await store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
    })

    it('withdraw then sign again counts once, with a number never handed out before', async () => {
      const handed: number[] = []
      for (const id of ['a', 'b', 'c']) handed.push((await store.sign(pledge(id))).pledge.number)
      await store.withdraw('a')
      const again = await store.sign(pledge('a'))
      expect(again.created).toBe(true)
      expect(handed).not.toContain(again.pledge.number)
      handed.push(again.pledge.number)
      expect(again.total).toBe(3)
      await store.withdraw('c')
      const d = (await store.sign(pledge('d'))).pledge.number
      expect(handed).not.toContain(d)
      if (options.denseNumbers) expect([again.pledge.number, d]).toEqual([4, 5])
      expect(await store.audit()).toEqual({ rows: 3, counter: 3, drift: [] })
    })

    it('counts pledges per company over current pledges only', async () => {
      await store.sign(pledge('a', { company: '甲公司' }))
      const [b, e] = await Promise.all([store.sign(pledge('b', { company: '甲公司' })), store.sign(pledge('e', { company: '戊公司' }))])
      for (const outcome of [b, e]) {
        if (outcome.companyCount !== undefined) expect(outcome.companyCount).toBe(await store.companyCount(outcome.pledge.company ?? ''))
      }
      await store.withdraw('e')
      await store.sign(pledge('c', { company: '乙公司' }))
      await store.sign(pledge('d'))
      expect(await store.companyCount('甲公司')).toBe(2)
      expect(await store.companyCount('乙公司')).toBe(1)
      expect(await store.companyCount('丙公司')).toBe(0)
      await store.withdraw('a')
      expect(await store.companyCount('甲公司')).toBe(1)
    })

    it('stats: top companies and sources, most first, ties by name, limited', async () => {
      // Company k is named by k + 1 pledges; 12 companies, so a limit of 10 drops the two smallest.
      let n = 0
      for (let k = 0; k < 12; k += 1) {
        for (let i = 0; i <= k; i += 1) {
          n += 1
          await store.sign(pledge(`p${n}`, { company: `公司${String(k).padStart(2, '0')}`, source: i % 2 === 0 ? 'e:expo' : 's:abc' }))
        }
      }
      await store.sign(pledge('tie-1', { company: '公司00' }))
      await store.sign(pledge('plain'))
      await store.recount()
      const stats = await store.stats({ companies: 10, sources: 10 })
      expect(stats.total).toBe(n + 2)
      expect(stats.topCompanies).toHaveLength(10)
      expect(stats.topCompanies.slice(0, 3)).toEqual([
        { company: '公司11', count: 12 }, { company: '公司10', count: 11 }, { company: '公司09', count: 10 },
      ])
      // 公司00 and 公司01 both have 2 now, and a limit of 10 cuts between counts 3 and 2.
      expect(stats.topCompanies[9]).toEqual({ company: '公司02', count: 3 })
      const half = (k: number) => Math.ceil((k + 1) / 2)
      const expo = Array.from({ length: 12 }, (_u, k) => half(k)).reduce((a, b) => a + b, 0)
      expect(stats.sources).toEqual([{ source: 'e:expo', count: expo }, { source: 's:abc', count: n - expo }])
      const tied = await store.stats({ companies: 12, sources: 1 })
      expect(tied.topCompanies.slice(10)).toEqual([{ company: '公司00', count: 2 }, { company: '公司01', count: 2 }])
      expect(tied.sources).toEqual([{ source: 'e:expo', count: expo }])
    })

    it('stats after withdrawals: a company or source back to 0 leaves the lists', async () => {
      await store.sign(pledge('a', { company: '甲公司', source: 'e:aaaa1111' }))
      await store.sign(pledge('b', { company: '乙公司' }))
      await store.withdraw('a')
      await store.recount()
      expect(await store.stats({ companies: 10, sources: 10 })).toEqual({
        total: 1, topCompanies: [{ company: '乙公司', count: 1 }], sources: [],
      })
      expect(await store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
    })

    it('stats: a limit of 0 skips that list', async () => {
      await store.sign(pledge('a', { company: '甲公司', source: 's:abc' }))
      await store.recount()
      expect(await store.stats({ companies: 0, sources: 0 })).toEqual({ total: 1, topCompanies: [], sources: [] })
      expect(await store.stats({ companies: 1, sources: 0 })).toEqual({ total: 1, topCompanies: [{ company: '甲公司', count: 1 }], sources: [] })
    })

    it('events: create, get, a taken id refused without a change', async () => {
      const first = event('abcd1234', '2024-09-01T08:00:00.000Z', { name: '质量开放日', place: '北京市 质量大厦' })
      expect(await store.createEvent(first)).toBe(true)
      expect(await store.getEvent('abcd1234')).toEqual(first)
      expect(await store.getEvent('zzzz9999')).toBeNull()
      expect(await store.createEvent(event('abcd1234', '2024-09-02T08:00:00.000Z', { name: '另一个活动' }))).toBe(false)
      expect(await store.createEvent({ ...first })).toBe(false)
      expect(await store.getEvent('abcd1234')).toEqual(first)
      expect(await store.listEvents(10)).toEqual([first])
    })

    it('events: listed newest first, ties by id, limited', async () => {
      expect(await store.listEvents(10)).toEqual([])
      const events = [
        event('bbbb0000', '2024-09-01T08:00:00.000Z'), event('aaaa0000', '2024-09-03T08:00:00.000Z'),
        event('cccc0000', '2024-09-02T08:00:00.000Z'), event('dddd0000', '2024-09-02T08:00:00.000Z'),
        event('0000zzzz', '2024-09-02T08:00:00.000Z'),
      ]
      for (const e of events) expect(await store.createEvent(e)).toBe(true)
      expect((await store.listEvents(10)).map((e) => e.id)).toEqual(['aaaa0000', '0000zzzz', 'cccc0000', 'dddd0000', 'bbbb0000'])
      expect(await store.listEvents(2)).toEqual([events[1], events[4]])
      // Events are no pledges.
      expect(await store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
    })

    it('counts current pledges per exact source, 0 for none, after signs and withdrawals', async () => {
      await store.sign(pledge('a', { source: 'e:aaaa1111' }))
      await store.sign(pledge('b', { source: 'e:aaaa1111', company: '甲公司' }))
      await store.sign(pledge('c', { source: 'e:bbbb2222' }))
      await store.sign(pledge('d', { source: 'e:aaaa11112' }))
      await store.sign(pledge('e', { source: 's:aaaa1111' }))
      await store.sign(pledge('f'))
      const sources = ['e:aaaa1111', 'e:bbbb2222', 'e:cccc3333']
      await store.recount()
      expect(await store.countsBySource(sources)).toEqual({ 'e:aaaa1111': 2, 'e:bbbb2222': 1, 'e:cccc3333': 0 })
      await store.withdraw('a')
      await store.withdraw('c')
      await store.recount()
      expect(await store.countsBySource(sources)).toEqual({ 'e:aaaa1111': 1, 'e:bbbb2222': 0, 'e:cccc3333': 0 })
      expect(await store.countsBySource([])).toEqual({})
    })

    it('viaShares: current pledges with an s: source, and nothing else', async () => {
      expect(await store.viaShares()).toBe(0)
      await store.sign(pledge('a', { source: 's:abc' }))
      await store.sign(pledge('b', { source: 's:abc' }))
      await store.sign(pledge('c', { source: 's:xyz-_' }))
      await store.sign(pledge('d', { source: 'e:s0000000' }))
      await store.sign(pledge('e', { company: 's:公司' }))
      await store.sign(pledge('f'))
      expect(await store.viaShares()).toBe(3)
      await store.withdraw('b')
      expect(await store.viaShares()).toBe(2)
    })

    it('news: put replaces by id, remove says whether it was there, listed newest date first then newest saved', async () => {
      const report = (id: string, date: string, updatedAt: string, extra: Partial<NewsRecord> = {}): NewsRecord => ({
        id, source: '人民网', title: `报道 ${id}`, date, link: null, updatedBy: 'o-admin', updatedAt, ...extra,
      })
      expect(await store.listNews(10)).toEqual([])
      const a = report('aaaa0000', '2024-09-23', '2024-09-24T00:00:00.000Z', { link: 'https://example.org/a' })
      const b = report('bbbb0000', '2024-09-25', '2024-09-25T00:00:00.000Z')
      const c = report('cccc0000', '2024-09-23', '2024-09-26T00:00:00.000Z')
      for (const r of [a, b, c]) await store.putNews(r)
      expect(await store.listNews(10)).toEqual([b, c, a])
      const edited = { ...a, title: '改过的标题', link: null, updatedAt: '2024-09-27T00:00:00.000Z' }
      await store.putNews(edited)
      expect(await store.listNews(10)).toEqual([b, edited, c])
      expect(await store.listNews(1)).toEqual([b])
      expect(await store.removeNews('bbbb0000')).toBe(true)
      expect(await store.removeNews('bbbb0000')).toBe(false)
      expect(await store.listNews(10)).toEqual([edited, c])
    })

    it('hidden names: set with who and when, listed newest first, shown again with null; counts are untouched', async () => {
      await store.sign(pledge('a', { company: '甲公司' }))
      expect(await store.listHidden(10)).toEqual([])
      await store.setHidden('甲公司', { hiddenBy: 'o-admin', hiddenAt: '2024-09-02T00:00:00.000Z' })
      await store.setHidden('乙公司', { hiddenBy: 'o-admin-2', hiddenAt: '2024-09-03T00:00:00.000Z' })
      await store.setHidden('甲公司', { hiddenBy: 'o-admin-3', hiddenAt: '2024-09-01T00:00:00.000Z' })
      expect(await store.listHidden(10)).toEqual([
        { company: '乙公司', hiddenBy: 'o-admin-2', hiddenAt: '2024-09-03T00:00:00.000Z' },
        { company: '甲公司', hiddenBy: 'o-admin-3', hiddenAt: '2024-09-01T00:00:00.000Z' },
      ])
      await store.setHidden('乙公司', null)
      await store.setHidden('丙公司', null)
      expect((await store.listHidden(10)).map((entry) => entry.company)).toEqual(['甲公司'])
      expect(await store.companyCount('甲公司')).toBe(1)
      await store.recount()
      expect((await store.stats({ companies: 5, sources: 0 })).topCompanies).toEqual([{ company: '甲公司', count: 1 }])
    })

    it('a burst of 5,000 signs over 500 identities, randomly interleaved, stores exactly 500', async () => {
      const random = seededRandom(20240901)
      const identities = Array.from({ length: 500 }, (_u, i) => `burst-${i}`)
      const calls = shuffle(identities.flatMap((id) => Array.from({ length: 10 }, () => id)), random)
      const outcomes = await runConcurrently(calls.map((id) => async () => {
        await yieldRandomly(random)
        return store.sign(pledge(id))
      }), options.burstConcurrency)

      expect(outcomes.filter((o) => o.created)).toHaveLength(500)
      expect(await store.audit()).toEqual({ rows: 500, counter: 500, drift: [] })
      expect(await store.total()).toBe(500)
      // Every identity kept the number it got first; the numbers are exactly 1..500.
      const numbers = new Map<string, Set<number>>()
      for (const o of outcomes) numbers.set(o.pledge.identity, (numbers.get(o.pledge.identity) ?? new Set()).add(o.pledge.number))
      expect([...numbers.values()].every((set) => set.size === 1)).toBe(true)
      const sorted = [...numbers.values()].map((set) => [...set][0]).sort((a, b) => a - b)
      expect(new Set(sorted).size).toBe(500)
      if (options.denseNumbers) expect(sorted).toEqual(Array.from({ length: 500 }, (_u, i) => i + 1))
    })

    it('signs and withdrawals interleaved keep rows = counter and never reuse a number', async () => {
      const random = seededRandom(7)
      const identities = Array.from({ length: 100 }, (_u, i) => `mix-${i}`)
      const calls = shuffle(identities.flatMap((id) => ['sign', 'sign', 'withdraw', 'sign'].map((op) => [op, id] as const)), random)
      const handed: number[] = []
      await runConcurrently(calls.map(([op, id]) => async () => {
        await yieldRandomly(random)
        if (op === 'withdraw') return store.withdraw(id)
        const outcome = await store.sign(pledge(id))
        if (outcome.created) handed.push(outcome.pledge.number)
        return outcome
      }), options.burstConcurrency)

      const audit = await store.audit()
      expect(audit.rows).toBe(audit.counter)
      expect(audit.drift).toEqual([])
      expect(audit.rows).toBeGreaterThan(0)
      expect(new Set(handed).size).toBe(handed.length)
      const present = await Promise.all(identities.map((id) => store.get(id)))
      expect(present.filter((p) => p !== null)).toHaveLength(audit.rows)
    })
  })
}
