/** @jest-environment node */
import { parseAdminList } from '../core/admins'

describe('parseAdminList (ADMIN_OPENIDS, ADMIN_IDS)', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['  ,, ', []],
    ['oAbC1', ['oAbC1']],
    ['oAbC1,oDeF2', ['oAbC1', 'oDeF2']],
    [' oAbC1 , oDeF2 ,', ['oAbC1', 'oDeF2']],
    ['oAbC1\noDeF2\toGhI3', ['oAbC1', 'oDeF2', 'oGhI3']],
    ['oAbC1，oDeF2', ['oAbC1', 'oDeF2']],
  ])('%p → %p', (value, expected) => {
    expect(parseAdminList(value)).toEqual(expected)
  })

  it('keeps case: OPENIDs are case-sensitive', () => {
    expect(parseAdminList('oAbC1')).not.toContain('oabc1')
  })
})
