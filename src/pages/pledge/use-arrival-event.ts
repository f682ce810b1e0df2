import { useEffect, useRef, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { mySharerScene, readArrival, rememberArrival } from '@/services/attribution'
import { getEvent } from '@/services/events'
import type { EventInfo } from '@/services/events'

/** What the pledge page shows of the code or link this person arrived through. */
export interface Arrival {
  /** The event whose code brought them, with its pledges when the function tells them. */
  event: (EventInfo & { count?: number }) | null
  /** A friend's link (`s:`, not my own) brought them, and no pledge has used it up yet. */
  friend: boolean
}

const byFriend = () => {
  const arrival = readArrival()
  return arrival?.kind === 'sharer' && arrival.source !== mySharerScene()
}

/**
 * The code or link that brought this person here. An unknown event, a bad scene or a failed lookup
 * shows nothing: scanners never see an error for it. An event is looked up once (it does not
 * change), not on every show: each lookup is a function call. `signed` changes re-read the link:
 * a pledge credits it and forgets it.
 */
export function useArrivalEvent (signed: boolean): Arrival {
  const { params } = useRouter()
  const [event, setEvent] = useState<Arrival['event']>(null)
  const [friend, setFriend] = useState(false)
  const asked = useRef<string | null>(null)
  useDidShow(() => {
    rememberArrival(params.scene)
    setFriend(byFriend())
    const arrival = readArrival()
    if (arrival?.kind !== 'event' || asked.current === arrival.id) return
    asked.current = arrival.id
    getEvent(arrival.id).then(setEvent, () => {
      // A failed lookup may be asked again on the next show.
      asked.current = null
      setEvent(null)
    })
  })
  useEffect(() => setFriend(byFriend()), [signed])
  return { event, friend }
}
