import { useEffect, useRef, useState } from 'react'
import { Canvas, Image, Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { proposal } from '@/content'
import PageFrame from '@/components/page-frame'
import PrivacyDialog from '@/components/privacy-dialog'
import StateView from '@/components/state-view'
import { useFriendShare } from '@/hooks/use-page-share'
import { NICKNAME_MAX } from '@/poster'
import { describedImage, labelled } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import { toast } from '@/services/feedback'
import { openTab, ROUTES } from '@/services/navigation'
import { readNickname, saveNickname } from '@/services/pledge-draft'
import { privacy } from '@/services/privacy'
import { useMyPoster } from './use-my-poster'
import './index.scss'

const CANVAS_ID = 'my-poster-canvas'
const FILE_NAME = '我的质量诚信承诺.png'

export default function MyPosterPage () {
  // The poster belongs to whoever opens it, so a shared link invites to pledge instead.
  useFriendShare({ title: `一起响应《${proposal.title}》`, path: ROUTES.pledge })
  const [nickname, setNickname] = useState(readNickname)
  const { state, retry } = useMyPoster(CANVAS_ID, nickname)
  const busy = useRef(false)
  const wechatNickname = useWechatNickname()

  function changeNickname (value: string) {
    setNickname(value)
    saveNickname(value)
  }

  async function act (action: 'save' | 'share') {
    if (busy.current || state.phase !== 'ready' || state.poster === null) return
    busy.current = true
    try {
      if (action === 'save') {
        const saved = await posterCanvas.saveImage(state.poster.image, FILE_NAME)
        void toast(saved ? '已保存到相册' : '未保存', saved ? 'success' : 'none')
      } else {
        await posterCanvas.shareImage(state.poster.image, FILE_NAME)
      }
    } finally {
      busy.current = false
    }
  }

  let body
  if (state.phase === 'loading') {
    body = <StateView title='正在加载…' />
  } else if (state.phase === 'error') {
    body = <StateView title='暂时无法生成海报' description={state.message} action={<Button type='primary' onClick={retry}>重试</Button>} />
  } else if (state.phase === 'not-pledged') {
    body = (
      <StateView
        title='承诺后即可生成海报'
        description={`海报上会写明你的承诺编号，表明你响应了《${proposal.title}》。`}
        action={<Button type='primary' onClick={() => openTab('pledge')}>去承诺</Button>}
      />
    )
  } else {
    const { poster } = state
    body = (
      <>
        <View className='my-poster__preview'>
          {poster
            ? <Image className='my-poster__image' id='my-poster-image' src={poster.image} mode='widthFix' {...describedImage(poster.description)} />
            : <View className='my-poster__placeholder'>正在绘制海报…</View>}
        </View>
        <View className='my-poster__form'>
          <Text className='my-poster__label'>海报上的昵称（选填）</Text>
          {/* type=nickname: WeChat offers the user's own nickname above the keyboard, once the privacy guide is agreed to. */}
          <Input
            className='my-poster__input'
            id='my-poster-nickname'
            {...labelled('海报上的昵称')}
            type={wechatNickname.offered ? 'nickname' : 'text'}
            value={nickname}
            maxlength={NICKNAME_MAX}
            placeholder={wechatNickname.offered ? '点击使用微信昵称，或自行填写' : '填写海报上的昵称'}
            onFocus={wechatNickname.ask}
            onInput={(event) => changeNickname(event.detail.value)}
            onBlur={(event) => changeNickname(event.detail.value)}
          />
        </View>
        <View className='my-poster__actions'>
          {posterCanvas.canShareImage() && (
            <Button className='my-poster__action' id='my-poster-share' disabled={!poster} onClick={() => act('share')}>发送给朋友</Button>
          )}
          <Button className='my-poster__action' id='my-poster-save' type='primary' disabled={!poster} onClick={() => act('save')}>保存到相册</Button>
        </View>
      </>
    )
  }

  return (
    <PageFrame className='my-poster'>
      {body}
      <PrivacyDialog uses='使用微信昵称和保存海报到相册' />
      {/* Drawn off screen; the exported image is what people see, save and send. */}
      <Canvas type='2d' id={CANVAS_ID} className='my-poster__canvas' />
    </PageFrame>
  )
}

/**
 * Whether the nickname field offers the WeChat nickname. Before the privacy guide is agreed to,
 * WeChat turns `type="nickname"` into a plain field, so it is one, and says so; the first focus
 * asks for consent once (declining leaves a plain field that still works).
 */
function useWechatNickname () {
  const [consented, setConsented] = useState(false)
  const asked = useRef(false)
  useEffect(() => {
    if (privacy.offersWechatNickname) privacy.needsConsent().then((needed) => setConsented(!needed), () => undefined)
  }, [])
  const ask = () => {
    if (!privacy.offersWechatNickname || consented || asked.current) return
    asked.current = true
    void privacy.requireConsent().then(setConsented)
  }
  return { offered: privacy.offersWechatNickname && consented, ask }
}
