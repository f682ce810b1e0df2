import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { asButton, asDialog } from '@/services/a11y'
import { privacy } from '@/services/privacy'
import type { ConsentRequest } from '@/services/privacy-types'
import { useDialogFocus } from '@/hooks/use-dialog-focus'
import './index.scss'

/**
 * The consent dialog WeChat asks for before a privacy-scoped API or component works on this page
 * (the nickname field, saving to the album). Declining only means those stay unused: the page,
 * its posters and pledging keep working. Renders nothing in browsers.
 */
export default function PrivacyDialog ({ uses }: { uses: string }) {
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
    <View className='privacy-dialog' id='privacy-dialog' {...asDialog('隐私保护提示', () => answer(false))}>
      <View className='privacy-dialog__panel'>
        <Text className='privacy-dialog__title'>隐私保护提示</Text>
        <Text className='privacy-dialog__body'>{`${uses}前，请阅读并同意`}</Text>
        <Text className='privacy-dialog__link' id='privacy-guide' {...asButton()} onClick={() => privacy.openGuide()}>《隐私保护指引》</Text>
        <Text className='privacy-dialog__body'>不同意也可以继续浏览、承诺和查看海报。</Text>
        <View className='privacy-dialog__actions'>
          <Button className='privacy-dialog__action' id='privacy-decline' onClick={() => answer(false)}>不同意</Button>
          <Button
            className='privacy-dialog__action'
            id={privacy.agreeButtonId}
            type='primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answer(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
