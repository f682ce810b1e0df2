import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { asButton, asDialog } from '@/services/a11y'
import { privacy } from '@/services/privacy'
import type { ConsentRequest } from '@/services/privacy-types'
import { useDialogFocus } from '@/hooks/use-dialog-focus'
import { useWords } from '@/hooks/use-words'
import { POSTER_WORDS } from '@/words/poster'
import './index.scss'

/**
 * The consent dialog WeChat asks for before a privacy-scoped API or component works on this page
 * (the nickname field, saving to the album). Declining only means those stay unused: the page,
 * its posters and pledging keep working. Renders nothing in browsers. Only subpackage pages use it,
 * so its words are POSTER_WORDS'.
 */
export default function PrivacyDialog ({ uses }: { uses: string }) {
  const { privacy: words } = useWords(POSTER_WORDS)
  const [request, setRequest] = useState<ConsentRequest | null>(null)
  useEffect(() => privacy.onConsentNeeded(setRequest), [])
  useDialogFocus(request !== null, 'privacy-dialog')
  if (request === null) return null

  const answer = (agreed: boolean) => {
    setRequest(null)
    if (agreed) request.agree()
    else request.decline()
  }
  return (
    <View className='privacy-dialog' id='privacy-dialog' {...asDialog(words.title, () => answer(false))}>
      <View className='privacy-dialog__panel'>
        <Text className='privacy-dialog__title'>{words.title}</Text>
        <Text className='privacy-dialog__body'>{words.before(uses)}</Text>
        <Text className='privacy-dialog__link' id='privacy-guide' {...asButton()} onClick={() => privacy.openGuide()}>{words.guide}</Text>
        <Text className='privacy-dialog__body'>{words.stillWorks}</Text>
        <View className='privacy-dialog__actions'>
          <Button className='privacy-dialog__action' id='privacy-decline' onClick={() => answer(false)}>{words.decline}</Button>
          <Button
            className='privacy-dialog__action'
            id={privacy.agreeButtonId}
            type='primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answer(true)}
          >
            {words.agree}
          </Button>
        </View>
      </View>
    </View>
  )
}
