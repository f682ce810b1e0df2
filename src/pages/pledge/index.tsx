import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { proposal } from '@/content'
import StateView from '@/components/state-view'
import { usePageShare } from '@/hooks/use-page-share'
import { ROUTES, openTab } from '@/services/navigation'

/** Placeholder until one-tap pledging lands: says what is coming, nothing more. */
export default function PledgePage () {
  usePageShare({ title: proposal.title, path: ROUTES.pledge })
  return (
    <View className='qm-page'>
      <StateView
        title='一键承诺即将上线'
        description={`上线后可在这里一键签署《${proposal.title}》，并看到共同承诺的人数。`}
        action={<Button type='primary' onClick={() => openTab('proposal')}>先读倡议书</Button>}
      />
    </View>
  )
}
