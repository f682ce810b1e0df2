import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { campaign } from '@/content'
import StateView from '@/components/state-view'
import { usePageShare } from '@/hooks/use-page-share'
import { ROUTES, openTab } from '@/services/navigation'

/** Placeholder until the poster gallery lands. */
export default function PosterGalleryPage () {
  usePageShare({ title: campaign.pageTitle, path: ROUTES.posters })
  return (
    <View className='qm-page'>
      <StateView
        title='活动海报即将上线'
        description='上线后可在这里浏览、保存和分享2024年全国“质量月”活动海报。'
        action={<Button type='primary' onClick={() => openTab('home')}>返回首页</Button>}
      />
    </View>
  )
}
