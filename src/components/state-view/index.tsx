import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { asHeading } from '@/services/a11y'
import './index.scss'

interface StateViewProps {
  title: string
  description?: string
  /** Usually one NutUI Button that gets the reader moving again. */
  action?: ReactNode
}

/** A whole-page message: not found, coming soon, and later errors and empty lists. */
export default function StateView ({ title, description, action }: StateViewProps) {
  return (
    <View className='state-view'>
      <Text className='state-view__title' {...asHeading(1)}>{title}</Text>
      {description && <Text className='state-view__description'>{description}</Text>}
      {action && <View className='state-view__action'>{action}</View>}
    </View>
  )
}
