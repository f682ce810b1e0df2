import { published } from '@/content'
import PageFrame from '@/components/page-frame'
import StateView from '@/components/state-view'
import { usePageShare } from '@/hooks/use-page-share'
import { useBarWords, useWords } from '@/hooks/use-words'
import { ROUTES } from '@/services/navigation'

/** A dead end: the frame's way back (返回首页 when nothing of the app is below) leads out. */
export default function NotFoundPage () {
  // Sharing a dead end helps nobody: the share opens the home page instead.
  usePageShare({ title: published.campaign.pageTitle, path: ROUTES.home })
  useBarWords('notFound')
  const { notFound } = useWords()
  return (
    <PageFrame>
      <StateView title={notFound.title} description={notFound.body} />
    </PageFrame>
  )
}
