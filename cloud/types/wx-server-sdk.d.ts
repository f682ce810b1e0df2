// The part of wx-server-sdk 4 that cloud/functions/pledge/src/index.ts calls. The SDK itself is
// installed only in the cloud (cloud/functions/pledge/package.json); the database is typed by
// the adapter's own CloudDatabase interface.
declare module 'wx-server-sdk' {
  interface WXContext {
    OPENID?: string
    APPID?: string
    UNIONID?: string
    ENV?: string
  }
  interface MsgSecCheckResult {
    errCode?: number
    errMsg?: string
    result?: { suggest?: string; label?: number }
  }
  // Cloud calls take the HTTPS API's fields in camelCase and resolve the image as `buffer`.
  interface GetUnlimitedResult {
    errCode?: number
    errMsg?: string
    contentType?: string
    buffer?: Buffer
  }
  const cloud: {
    DYNAMIC_CURRENT_ENV: symbol
    init (config?: { env?: string | symbol }): void
    getWXContext (): WXContext
    database (config?: { throwOnNotFound?: boolean }): unknown
    uploadFile (params: { cloudPath: string; fileContent: Buffer | NodeJS.ReadableStream }): Promise<{ fileID: string; statusCode?: number }>
    openapi: {
      security: {
        msgSecCheck (params: { version: 2; openid: string; scene: 1 | 2 | 3 | 4; content: string }): Promise<MsgSecCheckResult>
      }
      wxacode: {
        getUnlimited (params: {
          scene: string
          page?: string
          checkPath?: boolean
          envVersion?: 'release' | 'trial' | 'develop'
        }): Promise<GetUnlimitedResult>
      }
    }
  }
  export = cloud
}
