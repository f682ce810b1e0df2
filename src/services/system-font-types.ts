/** The platform's own text size setting; both twins (system-font.weapp.ts / system-font.h5.ts) must match it. */
export interface SystemFontService {
  /** WeChat's own font size (设置 → 字体大小) in px; null where the platform has none (H5). */
  systemFontSize (): number | null
}
