// The project's own preset, nothing more: the floor is Taro as it comes.
module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] }
