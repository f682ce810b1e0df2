// The runtime half of aria-plugin.js: Taro shortens attribute names by its component list, which
// must match the templates the plugin extended.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './aria-components'

mergeInternalComponents(components)
