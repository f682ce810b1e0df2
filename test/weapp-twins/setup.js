// What Taro's weapp build defines for every module: @tarojs/runtime and @tarojs/shared read these
// at load time to pick the mini-program DOM and APIs over the browser's.
process.env.TARO_ENV = 'weapp'
process.env.TARO_PLATFORM = 'mini'
