import { Text, View } from '@tarojs/components'
import type { PublicStats } from '@/services/public-stats-types'
import { useWords } from '@/hooks/use-words'
import { asHeading } from '@/services/a11y'

interface UnitBoardProps {
  /** The public counts' top units, most pledges first; null until the counts have been read (no rows yet). */
  companies: PublicStats['topCompanies'] | null
}

/**
 * 单位榜: the units named with the most pledges, from the public counts (names an organiser hid are
 * already left out there). Equal counts share a place.
 */
export default function UnitBoard ({ companies }: UnitBoardProps) {
  const { board } = useWords()
  return (
    <View className='pledge-board' id='pledge-board'>
      <Text className='pledge-board__title' {...asHeading(2)}>{board.title}</Text>
      {companies?.length === 0 && (
        <Text className='pledge-board__empty' id='pledge-board-empty'>{board.empty}</Text>
      )}
      {companies?.map(({ company, count }) => (
        <View key={company} className='pledge-board__row'>
          <Text className='pledge-board__place'>{1 + companies.filter((other) => other.count > count).length}</Text>
          <Text className='pledge-board__name'>{company}</Text>
          <Text className='pledge-board__count'>{board.count(count)}</Text>
        </View>
      ))}
    </View>
  )
}
