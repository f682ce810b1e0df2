import { useEffect, useRef, useState } from 'react'
import { Canvas, Image, Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageFrame from '@/components/page-frame'
import PrivacyDialog from '@/components/privacy-dialog'
import StateView from '@/components/state-view'
import { published } from '@/content'
import { useContent } from '@/hooks/use-content'
import { useFriendShare } from '@/hooks/use-page-share'
import { useBarWords, useWords } from '@/hooks/use-words'
import { NICKNAME_MAX, PERSONAL_LAYOUTS } from '@/poster'
import type { PersonalLayout } from '@/poster'
import { asButton, asRadio, asRadioGroup, describedImage, labelled } from '@/services/a11y'
import { posterCanvas } from '@/services/canvas'
import { openTab, ROUTES } from '@/services/navigation'
import { readNickname, saveNickname } from '@/services/pledge-draft'
import { privacy } from '@/services/privacy'
import { WORDS } from '@/words'
import { POSTER_WORDS } from '@/words/poster'
import SignaturePad from '../../signature-pad'
import { forgetSignature, readSignature, saveSignature } from '../../signature'
import type { Strokes } from '../../signature'
import { usePosterCanvas } from '../../use-poster-canvas'
import { useMyPoster } from './use-my-poster'
import './index.scss'

const CANVAS_ID = 'my-poster-canvas'
const SIGNATURE_CANVAS_ID = 'my-poster-signature'

export default function MyPosterPage () {
  useBarWords('personal')
  const words = useWords(POSTER_WORDS)
  const { common } = useWords()
  const { proposal } = useContent()
  // The poster belongs to whoever opens it, so a shared link invites to pledge instead; share
  // cards stay in 简体, as published (the friend opens them in their own setting).
  useFriendShare({ title: WORDS.pledge.share(published.proposal.title), path: ROUTES.pledge })
  const [nickname, setNickname] = useState(readNickname)
  const canvas = usePosterCanvas(CANVAS_ID)
  const [layout, setLayout] = useState<PersonalLayout>(PERSONAL_LAYOUTS[0])
  const [signature, setSignature] = useState(readSignature)
  const [signing, setSigning] = useState(false)
  const { state, retry } = useMyPoster(canvas, { nickname, layout, signature, signatureCanvasId: SIGNATURE_CANVAS_ID })
  const wechatNickname = useWechatNickname()

  function sign (strokes: Strokes | null) {
    setSigning(false)
    setSignature(strokes)
    if (strokes) saveSignature(strokes)
    else forgetSignature()
  }

  function changeNickname (value: string) {
    setNickname(value)
    saveNickname(value)
  }

  let body
  if (state.phase === 'loading') {
    body = <StateView title={common.loading} />
  } else if (state.phase === 'error') {
    const description = state.cause === 'canvas' ? words.noCanvas.body[posterCanvas.drawnIn] : state.message
    body = <StateView title={words.personal.failed} description={description} action={<Button type='primary' onClick={retry}>{common.retry}</Button>} />
  } else if (state.phase === 'not-pledged') {
    body = (
      <StateView
        title={words.personal.notPledged}
        description={words.personal.notPledgedBody(proposal.title)}
        action={<Button type='primary' onClick={() => openTab('pledge')}>{words.personal.goPledge}</Button>}
      />
    )
  } else {
    const { poster, job } = state
    body = (
      <>
        <View className='my-poster__preview'>
          {poster
            ? <Image className='my-poster__image' id='my-poster-image' src={poster.image} mode='widthFix' {...describedImage(poster.description)} />
            : <View className='my-poster__placeholder'>{words.personal.drawing}</View>}
        </View>
        <View className='my-poster__form'>
          <Text className='my-poster__label'>{words.personal.nickname}</Text>
          {/* type=nickname: WeChat offers the user's own nickname above the keyboard, once the privacy guide is agreed to. */}
          <Input
            className='my-poster__input'
            id='my-poster-nickname'
            {...labelled(words.personal.nicknameName)}
            type={wechatNickname.offered ? 'nickname' : 'text'}
            value={nickname}
            maxlength={NICKNAME_MAX}
            placeholder={wechatNickname.offered ? words.personal.nicknameWechat : words.personal.nicknameTyped}
            onFocus={wechatNickname.ask}
            onInput={(event) => changeNickname(event.detail.value)}
            onBlur={(event) => changeNickname(event.detail.value)}
          />
          <Text className='my-poster__label my-poster__label--next'>{words.personal.layout}</Text>
          <View className='my-poster__layouts' {...asRadioGroup(words.personal.layout)}>
            {PERSONAL_LAYOUTS.map((option) => (
              <View
                key={option}
                id={`my-poster-layout-${option}`}
                className={`my-poster__layout${option === layout ? ' my-poster__layout--chosen' : ''}`}
                {...asRadio(option === layout, words.personal.layouts[option] ?? option)}
                onClick={() => setLayout(option)}
              >
                {words.personal.layouts[option] ?? option}
              </View>
            ))}
          </View>
          <Text className='my-poster__label my-poster__label--next'>{words.personal.signature}</Text>
          <View className='my-poster__signature'>
            <Button className='my-poster__sign' id='my-poster-sign' onClick={() => setSigning(true)}>{signature ? words.personal.resign : words.personal.sign}</Button>
            {signature && <Button className='my-poster__sign' id='my-poster-unsign' onClick={() => sign(null)}>{words.personal.removeSignature}</Button>}
          </View>
        </View>
        <View className='my-poster__actions'>
          {posterCanvas.canShareImage() && (
            <Button className='my-poster__action' id='my-poster-share' disabled={!job} onClick={() => job && canvas.share(job, words.personal.fileName)}>{words.share}</Button>
          )}
          <Button className='my-poster__action' id='my-poster-save' type='primary' disabled={!job} onClick={() => job && canvas.save(job, words.personal.fileName)}>{words.personal.save[posterCanvas.savesTo]}</Button>
        </View>
        <View className='my-poster__hd' id='my-poster-save-hd' {...asButton()} onClick={() => job && canvas.save(job, words.personal.fileName, 'hd')}>
          {words.hd.save[posterCanvas.savesTo]}
          <Text className='my-poster__hd-note'>{words.hd.note}</Text>
        </View>
      </>
    )
  }

  return (
    <PageFrame className='my-poster'>
      {body}
      {signing && <SignaturePad initial={signature} onDone={sign} onCancel={() => setSigning(false)} />}
      <PrivacyDialog uses={words.personal.privacyUses} />
      {/* Drawn off screen; the exported images are what people see, save and send. */}
      <Canvas type='2d' id={canvas.canvasId} className='my-poster__canvas' />
      {/* My signature, drawn here for the poster to draw as a picture; it never leaves the device. */}
      <Canvas type='2d' id={SIGNATURE_CANVAS_ID} className='my-poster__canvas' />
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
