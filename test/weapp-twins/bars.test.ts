import { onWeapp } from './taro-weapp'

const APP = { pages: ['pages/index/index', 'pages/proposal/index', 'pages/pledge/index', 'pages/not-found/index'], tabs: ['pages/index/index', 'pages/proposal/index', 'pages/pledge/index'] }
const LABELS = { home: '首頁', proposal: '倡議書', pledge: '承諾' }
const loadBars = (path: string) => onWeapp(() => import('@/services/bars'), { app: APP, launch: { path } })

test('the title goes to the open page', async () => {
  const { fake, showTitle } = await loadBars('pages/not-found/index')
  await showTitle('未找到頁面')
  expect(fake.record.titles).toEqual([{ route: 'pages/not-found/index', title: '未找到頁面' }])
})

test('from a tab page every tab gets its label, in app.json\'s order', async () => {
  const { fake, showTabLabels } = await loadBars('pages/proposal/index')
  await showTabLabels(LABELS)
  expect([...fake.record.tabLabels].sort()).toEqual([[0, '首頁'], [1, '倡議書'], [2, '承諾']])
})

test('from a page that is not a tab WeChat refuses: nothing changes and nothing throws', async () => {
  const { fake, showTabLabels } = await loadBars('pages/not-found/index')
  await expect(showTabLabels(LABELS)).resolves.toBeUndefined()
  expect(fake.record.tabLabels.size).toBe(0)
  expect(fake.record.calls.filter(({ api }) => api === 'setTabBarItem')).toHaveLength(3)
})
