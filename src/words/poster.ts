/**
 * The poster pages' words (活动海报, 我的承诺海报), the privacy dialog only the subpackage pages
 * show, and canvas.weapp.ts's album prompt. Imported only from src/subpackages/** and what only
 * they use (components/privacy-dialog, services/canvas), so these words stay in the subpackage.
 *
 * Where the platforms differ the words are keyed by the twin's flag (services/canvas-types.ts):
 * `album` / `download` by posterCanvas.savesTo, `wechat` / `browser` by posterCanvas.drawnIn.
 */
export const POSTER_WORDS = {
  gallery: {
    share: (pageTitle: string) => `${pageTitle}：活动海报`,
    intro: {
      album: '可供企业、组织和媒体使用的2024年全国“质量月”活动海报，点击查看大图并保存。',
      download: '可供企业、组织和媒体使用的2024年全国“质量月”活动海报，点击查看大图并下载。',
    },
    open: (name: string) => `查看海报：${name}`,
    drawing: '绘制中…',
    viewer: '海报大图',
    close: '关闭',
    /** WeChat only: Moments' single-page mode has no album and no share menu. */
    singlePage: '点击屏幕下方“前往小程序”即可保存和发送海报',
    save: { album: '保存海报', download: '下载海报' },
    /** WeChat only: what the privacy dialog asks consent for. */
    privacyUses: '保存海报到相册',
  },
  personal: {
    notPledged: '承诺后即可生成海报',
    notPledgedBody: (title: string) => `海报上会写明你的承诺编号，表明你响应了《${title}》。`,
    goPledge: '去承诺',
    failed: '暂时无法生成海报',
    drawing: '正在绘制海报…',
    nickname: '海报上的昵称（选填）',
    nicknameName: '海报上的昵称',
    /** WeChat with the privacy guide agreed to: the field offers the WeChat nickname. */
    nicknameWechat: '点击使用微信昵称，或自行填写',
    nicknameTyped: '填写海报上的昵称',
    save: { album: '保存到相册', download: '下载海报' },
    fileName: '我的质量诚信承诺.png',
    /** The layout picker (PERSONAL_LAYOUTS in src/poster/templates.ts). */
    layout: '海报样式',
    layouts: { classic: '红色', seal: '印章', band: '深蓝' } as Record<string, string>,
    signature: '手写签名（选填，只保存在本机）',
    sign: '添加手写签名',
    resign: '重新签名',
    removeSignature: '去掉签名',
    /** WeChat only: what the privacy dialog asks consent for. */
    privacyUses: '使用微信昵称和保存海报到相册',
  },
  share: '发送给朋友',
  /** The signature pad (signature-pad/): strokes stay on this device, never uploaded. */
  pad: {
    title: '手写签名',
    hint: '在框内用手指（或鼠标）写下你的名字',
    clear: '清除重写',
    cancel: '取消',
    done: '完成',
  },
  /** The 高清 choice beside saving (draw.ts EXPORT_WIDTHS: 2160 px wide). */
  hd: {
    save: { album: '保存高清图', download: '下载高清图' },
    note: '高清图宽 2160 像素，供印刷和媒体使用',
  },
  /** Saved smaller than asked: the device's canvas could not hold the size (draw.ts exportPoster). */
  reduced: {
    album: (width: number, height: number) => `已保存到相册，但本机只能生成 ${width}×${height} 像素的图片`,
    download: (width: number, height: number) => `已下载，但本机只能生成 ${width}×${height} 像素的图片`,
  },
  saved: { album: '已保存到相册', download: '已下载' },
  notSaved: { album: '未保存', download: '未下载' },
  drawFailed: '海报绘制失败，请重试',
  noCanvas: {
    title: '海报绘制失败',
    body: {
      wechat: '当前环境不支持画布，请升级微信后重试。',
      browser: '当前浏览器不支持画布，请换用新版浏览器后重试。',
    },
  },
  /** canvas.weapp.ts: the album permission was refused. */
  album: {
    title: '需要相册权限',
    body: '保存海报需要允许保存到相册，请在设置中打开。',
    settings: '去设置',
  },
  /** components/privacy-dialog (WeChat only: browsers have no privacy guide to agree to). */
  privacy: {
    title: '隐私保护提示',
    before: (uses: string) => `${uses}前，请阅读并同意`,
    guide: '《隐私保护指引》',
    stillWorks: '不同意也可以继续浏览、承诺和查看海报。',
    decline: '不同意',
    agree: '同意',
  },
}

export type PosterWords = typeof POSTER_WORDS
