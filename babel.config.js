// https://docs.taro.zone/docs/next/babel-config
const nutuiPath = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`

module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
  plugins: [
    // On-demand NutUI: only the components we import, each with its own CSS (the global
    // dist/style.css would add ~230 KB of WXSS to the main package).
    ['import', {
      libraryName: '@nutui/nutui-react-taro',
      camel2DashComponentName: false,
      customName: nutuiPath,
      customStyleName: (name) => `${nutuiPath(name)}/style/css`,
    }, 'nutui-react-taro'],
  ],
}
