import { campaign } from '@/content'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { usePageShare } from '@/hooks/use-page-share'
import { ROUTES } from '@/services/navigation'

/** A dead end: the frame's way back (返回首页 when nothing of the app is below) leads out. */
export default function NotFoundPage () {
  // Sharing a dead end helps nobody: the share opens the home page instead.
  usePageShare({ title: campaign.pageTitle, path: ROUTES.home })
  return (
    <PageFrame>
      <StateView title='未找到页面' description='你打开的链接可能有误或已失效。' />
    </PageFrame>
  )
}
