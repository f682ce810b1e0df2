import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { readArrival, rememberArrival } from '@/services/attribution'
import { getEvent } from '@/services/events'
import type { EventInfo } from '@/services/events'

/**
 * The event whose code brought this person here, shown above the button. An unknown event,
 * a bad scene or a failed lookup shows nothing: scanners never see an error for it.
 */
export function useArrivalEvent () {
  const { params } = useRouter()
  const [event, setEvent] = useState<EventInfo | null>(null)
  useDidShow(() => {
    rememberArrival(params.scene)
    const arrival = readArrival()
    if (arrival?.kind !== 'event') return
    getEvent(arrival.id).then(setEvent, () => setEvent(null))
  })
  return event
}
