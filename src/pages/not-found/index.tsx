import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { campaign } from '@/content'
import StateView from '@/components/state-view'
import { usePageClass } from '@/hooks/use-font-scale'
import { usePageShare } from '@/hooks/use-page-share'
import { ROUTES, openTab } from '@/services/navigation'

export default function NotFoundPage () {
  const root = usePageClass('qm-page')
  // Sharing a dead end helps nobody: the share opens the home page instead.
  usePageShare({ title: campaign.pageTitle, path: ROUTES.home })
  return (
    <View className={root}>
      <StateView
        title='未找到页面'
        description='你打开的链接可能有误或已失效。'
        action={<Button type='primary' onClick={() => openTab('home')}>返回首页</Button>}
      />
    </View>
  )
}
