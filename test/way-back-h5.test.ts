import Taro from '@tarojs/taro'
import { ROUTES } from '@/services/navigation'
import { wayBack } from '@/services/way-back'

const stack = (...routes: string[]) => jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(routes.map((route) => ({ route })) as ReturnType<typeof Taro.getCurrentPages>)

afterEach(() => jest.restoreAllMocks())

test('the first page in the app (opened by its URL, or after a reload) leads to 首页', async () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  stack('pages/news/index')
  const way = wayBack()
  expect(way?.to).toBe('home')
  await expect(way?.go()).resolves.toBe(true)
  expect(switchTab).toHaveBeenCalledWith({ url: ROUTES.home })
})

test('with a page of this app below, it goes back to it; a failed route resolves false', async () => {
  const navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValueOnce({ errMsg: 'navigateBack:ok' })
  stack('pages/index/index', 'pages/news/index')
  const way = wayBack()
  expect(way?.to).toBe('back')
  await expect(way?.go()).resolves.toBe(true)
  expect(navigateBack).toHaveBeenCalledTimes(1)
  navigateBack.mockRejectedValueOnce({ errMsg: 'navigateBack:fail' })
  await expect(way?.go()).resolves.toBe(false)
})
