import { useRef, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { readArrival, rememberArrival } from '@/services/attribution'
import { getEvent } from '@/services/events'
import type { EventInfo } from '@/services/events'

/**
 * The event whose code brought this person here, shown above the button. An unknown event,
 * a bad scene or a failed lookup shows nothing: scanners never see an error for it. An event is
 * looked up once (it does not change), not on every show: each lookup is a function call.
 */
export function useArrivalEvent () {
  const { params } = useRouter()
  const [event, setEvent] = useState<EventInfo | null>(null)
  const asked = useRef<string | null>(null)
  useDidShow(() => {
    rememberArrival(params.scene)
    const arrival = readArrival()
    if (arrival?.kind !== 'event' || asked.current === arrival.id) return
    asked.current = arrival.id
    getEvent(arrival.id).then(setEvent, () => {
      // A failed lookup may be asked again on the next show.
      asked.current = null
      setEvent(null)
    })
  })
  return event
}
