/** How the app was opened (a code, a shared link, Moments); both twins (launch.weapp.ts / launch.h5.ts) must match it. */
export interface LaunchService {
  /** The WeChat scene the app was opened from (1154 = Moments single-page mode); null on H5. */
  launchScene (): number | null
  /** The `scene` query the app was last entered with (a code or a shared link), raw. */
  entryScene (): unknown
}
