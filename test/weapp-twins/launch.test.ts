import type { WxFakeOptions } from '../support/wx-fake'
import { onWeapp } from './taro-weapp'

const load = (options: WxFakeOptions = {}) => onWeapp(() => import('@/services/launch'), options)

test('launchScene is the launch\'s scene; entryScene the latest entry\'s raw query.scene (a hot start changes it)', async () => {
  const { fake, launchScene, entryScene } = await load({ launch: { path: 'pages/pledge/index', scene: 1047, query: { scene: 's%3AAb3_x-9' } } })
  expect(launchScene()).toBe(1047)
  expect(entryScene()).toBe('s%3AAb3_x-9')

  fake.reenter({ scene: 1011, query: { scene: 'e%3Ak2m9q4w1' } })
  expect(launchScene()).toBe(1047)
  expect(entryScene()).toBe('e%3Ak2m9q4w1')

  fake.reenter({ scene: 1089 })
  expect(entryScene()).toBeUndefined()
})
