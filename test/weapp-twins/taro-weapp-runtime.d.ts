// Taro's weapp runtime entry, loaded only for what it registers (initNativeApi); it ships no types.
declare module '@tarojs/plugin-platform-weapp/dist/runtime'
