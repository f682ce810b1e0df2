import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** The same call as the app's 我承诺 (POST /api/pledge, sign), answered on the page. */
export default function Index () {
  const [number, setNumber] = useState<number | null>(null)
  const sign = async () => {
    const { data } = await Taro.request({ url: '/api/pledge', method: 'POST', data: { action: 'sign' } })
    setNumber(data.data.pledge.number)
  }
  return (
    <View>
      <Button id='floor-button' onClick={sign}>我承诺</Button>
      {number !== null && <Text id='floor-number'>承诺编号 No.{number}</Text>}
    </View>
  )
}
