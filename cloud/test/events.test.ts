/** @jest-environment node */
import { eventScene, newEventId } from '../core/events'
import { EVENT_ID_PATTERN, LIMITS, SOURCE_PATTERN } from '../core/protocol'
import { parseScene } from '../core/scene'

describe('event ids', () => {
  it('are 8 characters of [0-9a-z], different each time, over the whole alphabet', () => {
    const ids = Array.from({ length: 2000 }, newEventId)
    expect(ids.every((id) => EVENT_ID_PATTERN.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids.join('')).size).toBe(36)
  })

  it('make a scene that is a source, fits a WeChat scene and reads back as the event', () => {
    const id = newEventId()
    const scene = eventScene(id)
    expect(scene).toBe(`e:${id}`)
    expect(scene).toMatch(SOURCE_PATTERN)
    expect(scene.length).toBeLessThanOrEqual(LIMITS.sourceMaxChars)
    expect(parseScene(encodeURIComponent(scene))).toEqual({ kind: 'event', id, source: scene })
  })
})
