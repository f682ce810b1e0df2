/**
 * The campaign posters, built only from the campaign's own words (theme, slogans, the proposal's
 * title, group names and six section headings). One type scale and palette; each poster is led
 * by a different element (ribbon, seal, watermark, pattern field, columns, header block).
 */
import { LIMITS } from '@shared/protocol'
import { campaign, proposal } from '@/content'
import { formatFullDate } from '@/utils/format-date'
import type { Fill, PosterData, PosterElement, PosterTemplate, TextElement } from './types'

const POSTER_WIDTH = 750
const POSTER_HEIGHT = 1334
/** Longest nickname drawn on a personal poster. */
export const NICKNAME_MAX = 20
export const CAMPAIGN_LINE = '2024年9月 全国质量月'
const CODE_LABEL = '扫码参与承诺'

const RED = '#b71c1c'
const DEEP_RED = '#7f1010'
const GOLD = '#c9a227'
const PALE_GOLD = '#ffe9a8'
const CREAM = '#fff7dc'
const NAVY = '#12315c'
const INK = '#1a1a1a'
const GREY = '#555555'
const PAPER = '#fbf7ef'
const WHITE = '#ffffff'

const vertical = (from: string, to: string): Fill => ({ type: 'linear', angle: 90, stops: [{ offset: 0, color: from }, { offset: 1, color: to }] })

/**
 * The type scale every poster uses (poster units; a poster is 750 wide, shown 375 CSS px wide):
 * display for the theme and slogans, title for a heading or the 承诺编号, heading for a group or
 * name, lead for slogans under a title, body for lines of text, caption for small print.
 */
export const TYPE_SCALE = {
  display: { fontSize: 84, fontWeight: 'bold' },
  title: { fontSize: 56, fontWeight: 'bold' },
  heading: { fontSize: 44, fontWeight: 'bold' },
  lead: { fontSize: 36, fontWeight: 'normal' },
  body: { fontSize: 30, fontWeight: 'normal' },
  caption: { fontSize: 26, fontWeight: 'normal' },
} as const satisfies Record<string, Pick<TextElement, 'fontSize' | 'fontWeight'>>
export type TypeStyle = keyof typeof TYPE_SCALE

const sections = proposal.groups.flatMap((group) => group.sections.map((section) => ({ group: group.name, heading: section.heading })))
const [sloganA, sloganB] = campaign.slogans
const [enterprise, society] = proposal.groups

/** Seal and watermark characters: words of the campaign's own title and theme, never new ones. */
function campaignWord (word: string) {
  if (![proposal.title, campaign.theme, ...campaign.slogans].some((line) => line.includes(word))) throw new Error(`${word} is not in the campaign text`)
  return word
}
const QUALITY = campaignWord('质量')
const INTEGRITY = campaignWord('诚信')
const QUALITY_INTEGRITY = campaignWord('质量诚信')
const STRONG_NATION = campaignWord('质量强国')

/** A heading of two clauses set as two lines, broken after its comma. */
const atComma = (heading: string) => heading.replace('，', '，\n')

const text = (x: number, y: number, content: string, style: TypeStyle, color: string, extra: Partial<TextElement> = {}): PosterElement => ({
  type: 'text', x, y, text: content, ...TYPE_SCALE[style], color, maxWidth: 630, align: 'center', ...extra,
})
/** The share covers are small canvases (400 and 240 wide) with sizes of their own. */
const coverText = (x: number, y: number, content: string, fontSize: number, color: string, extra: Partial<TextElement> = {}): PosterElement => ({
  type: 'text', x, y, text: content, fontSize, color, maxWidth: 630, align: 'center', ...extra,
})
const code = (x: number, y: number): PosterElement => ({ type: 'code', x, y, size: 160, label: CODE_LABEL })
const rule = (x: number, y: number, width: number, height = 4, fill: Fill = GOLD): PosterElement => ({ type: 'rect', x, y, width, height, fill })

function template (id: string, name: string, background: PosterTemplate['background'], elements: PosterElement[], height = POSTER_HEIGHT): PosterTemplate {
  return { id, name, width: POSTER_WIDTH, height, background, elements }
}

export const posterTemplates: PosterTemplate[] = [
  // Ribbon-led: the campaign line on a pale gold ribbon under a band of clouds, the theme large.
  template('theme', '活动主题', vertical(RED, DEEP_RED), [
    { type: 'pattern', kind: 'cloud', x: 0, y: 0, width: 750, height: 250, color: PALE_GOLD, spacing: 96, opacity: 0.16 },
    { type: 'band', x: 115, y: 150, width: 520, height: 76, fill: PALE_GOLD, notch: 26 },
    text(375, 166, CAMPAIGN_LINE, 'body', DEEP_RED),
    text(375, 300, campaign.theme.replace(' ', '\n'), 'display', WHITE, { lineHeight: 1.4 }),
    rule(315, 580, 120),
    text(375, 630, `${sloganA}\n${sloganB}`, 'lead', PALE_GOLD, { lineHeight: 1.8 }),
    { type: 'seal', x: 320, y: 815, size: 110, text: QUALITY_INTEGRITY, color: PALE_GOLD, ink: DEEP_RED, rotate: -4 },
    code(295, 1030),
    { type: 'pattern', kind: 'cloud', x: 0, y: 1264, width: 750, height: 70, color: PALE_GOLD, spacing: 96, opacity: 0.16 },
  ]),
  // Seal-led, left-aligned on paper: a 质量诚信 seal by the campaign line, a faint 诚 behind.
  template('slogans', '质量诚信', PAPER, [
    { type: 'rect', x: 0, y: 0, width: 750, height: 24, fill: RED },
    { type: 'watermark', x: 560, y: 430, text: INTEGRITY.slice(0, 1), fontSize: 440, color: RED, opacity: 0.06 },
    { type: 'seal', x: 560, y: 92, size: 124, text: QUALITY_INTEGRITY, color: RED, ink: PAPER, rotate: -4 },
    text(80, 150, CAMPAIGN_LINE, 'body', RED, { align: 'left' }),
    text(80, 260, sloganA.replace(' ', '\n'), 'display', INK, { align: 'left', lineHeight: 1.35 }),
    rule(80, 530, 120, 8),
    text(80, 580, sloganB.replace(' ', '\n'), 'display', RED, { align: 'left', lineHeight: 1.35 }),
    text(80, 880, campaign.theme, 'body', GREY, { align: 'left' }),
    { type: 'pattern', kind: 'dots', x: 80, y: 1050, width: 360, height: 200, color: RED, spacing: 28, opacity: 0.25 },
    code(510, 1060),
    { type: 'rect', x: 0, y: 1310, width: 750, height: 24, fill: RED },
  ]),
  // One large seal is the picture: 质量诚信 over the slogan that holds it.
  template('integrity-seal', '共筑质量诚信', '#fdf9f2', [
    { type: 'pattern', kind: 'cloud', x: 0, y: 0, width: 750, height: 130, color: RED, spacing: 96, opacity: 0.12 },
    { type: 'seal', x: 225, y: 170, size: 300, text: QUALITY_INTEGRITY, color: RED, ink: '#fdf9f2', rotate: -3 },
    text(375, 540, sloganB.replace(' ', '\n'), 'title', INK, { lineHeight: 1.45 }),
    rule(335, 730, 80),
    text(375, 770, proposal.title, 'body', GREY, { maxWidth: 600, maxLines: 2 }),
    text(375, 860, CAMPAIGN_LINE, 'caption', RED),
    code(295, 1010),
    { type: 'pattern', kind: 'cloud', x: 0, y: 1250, width: 750, height: 84, color: RED, spacing: 96, opacity: 0.12 },
  ]),
  // A list of cards under a grid-lined header: the three items for 企业界.
  template('enterprise', '倡议企业界', vertical(NAVY, '#0a1d38'), [
    { type: 'pattern', kind: 'grid', x: 0, y: 0, width: 750, height: 320, color: PALE_GOLD, spacing: 50, opacity: 0.1 },
    text(375, 110, proposal.title, 'body', PALE_GOLD, { maxWidth: 670, maxLines: 2 }),
    text(375, 210, `我们倡议${enterprise.name}`, 'heading', WHITE),
    rule(335, 290, 80),
    ...sections.filter((s) => s.group === enterprise.name).flatMap((s, index): PosterElement[] => [
      { type: 'rect', x: 60, y: 360 + index * 180, width: 630, height: 140, fill: 'rgba(255,255,255,0.08)', radius: 16 },
      { type: 'rect', x: 60, y: 360 + index * 180, width: 8, height: 140, fill: GOLD },
      text(380, 376 + index * 180, s.heading, 'lead', WHITE, { maxWidth: 570, maxLines: 2 }),
    ]),
    { type: 'watermark', x: 640, y: 900, text: enterprise.name.slice(0, 1), fontSize: 300, color: PALE_GOLD, opacity: 0.07 },
    code(295, 1010),
  ]),
  // Top-heavy: a navy header block with clouds, the three items for 全社会 with gold bars, a round seal.
  template('society', '倡议全社会', '#f3f6fa', [
    { type: 'rect', x: 0, y: 0, width: 750, height: 360, fill: NAVY },
    { type: 'pattern', kind: 'cloud', x: 0, y: 0, width: 750, height: 360, color: PALE_GOLD, spacing: 120, opacity: 0.1 },
    text(375, 110, CAMPAIGN_LINE, 'body', PALE_GOLD),
    text(375, 190, `我们倡议${society.name}`, 'title', WHITE),
    ...sections.filter((s) => s.group === society.name).flatMap((s, index): PosterElement[] => [
      { type: 'rect', x: 60, y: 430 + index * 170, width: 12, height: 120, fill: GOLD },
      text(100, 440 + index * 170, s.heading, 'lead', NAVY, { align: 'left', maxWidth: 590, maxLines: 2 }),
    ]),
    { type: 'seal', x: 80, y: 1040, size: 150, shape: 'round', text: INTEGRITY, color: RED, ink: '#f3f6fa', rotate: -10 },
    code(295, 1010),
  ]),
  // Two columns: 企业界 and 全社会 side by side under a red header, a gold rule between.
  template('proposal-columns', '企业质量诚信倡议书', '#f7f3ea', [
    { type: 'rect', x: 0, y: 0, width: 750, height: 290, fill: RED },
    { type: 'pattern', kind: 'hatch', x: 0, y: 0, width: 750, height: 290, color: PALE_GOLD, spacing: 26, opacity: 0.08 },
    text(375, 70, proposal.title, 'body', PALE_GOLD, { maxWidth: 650, maxLines: 2 }),
    text(375, 150, campaign.theme, 'heading', WHITE),
    ...[enterprise, society].flatMap((group, column): PosterElement[] => [
      text(60 + column * 340, 350, group.name, 'heading', column ? NAVY : RED, { align: 'left', maxWidth: 290 }),
      ...group.sections.flatMap((section, index): PosterElement[] => [
        rule(60 + column * 340, 442 + index * 160, 6, 80, column ? NAVY : RED),
        text(80 + column * 340, 440 + index * 160, section.heading, 'body', INK, { align: 'left', maxWidth: 270, maxLines: 3 }),
      ]),
    ]),
    rule(374, 360, 2, 560),
    code(295, 1010),
    { type: 'rect', x: 0, y: 1290, width: 750, height: 44, fill: RED },
  ]),
  // Watermark-led: a huge faint 质 behind the first heading on deep gold, a hatched field below.
  template('quality-first', '坚持质量第一', vertical('#5b4308', '#7c5c0e'), [
    { type: 'watermark', x: 375, y: 110, text: QUALITY.slice(0, 1), fontSize: 560, color: PALE_GOLD, opacity: 0.09 },
    text(375, 220, atComma(sections[0].heading), 'title', CREAM, { maxWidth: 560 }),
    rule(315, 440, 120),
    text(375, 490, campaign.theme, 'lead', CREAM),
    text(375, 580, CAMPAIGN_LINE, 'body', PALE_GOLD),
    { type: 'pattern', kind: 'hatch', x: 50, y: 690, width: 650, height: 250, color: PALE_GOLD, spacing: 28, opacity: 0.12 },
    code(295, 1010),
    { type: 'seal', x: 570, y: 1120, size: 100, text: QUALITY, color: RED, ink: CREAM, rotate: -6 },
  ]),
  // Pattern field: a gold grid over the top, crossed by a red ribbon carrying 质量月.
  template('quality-month', campaign.heading, '#0f2a50', [
    { type: 'pattern', kind: 'grid', x: 0, y: 0, width: 750, height: 520, color: PALE_GOLD, spacing: 75, opacity: 0.14 },
    { type: 'seal', x: 600, y: 50, size: 110, shape: 'round', text: QUALITY, color: RED, ink: WHITE, rotate: 8 },
    { type: 'band', x: 0, y: 320, width: 750, height: 150, fill: RED, notch: 0 },
    text(375, 332, campaign.heading, 'display', WHITE),
    text(375, 560, CAMPAIGN_LINE, 'body', PALE_GOLD),
    text(375, 640, campaign.theme.replace(' ', '\n'), 'title', WHITE, { lineHeight: 1.4 }),
    text(375, 840, `${sloganA}\n${sloganB}`, 'body', PALE_GOLD, { lineHeight: 1.6 }),
    code(295, 1010),
    { type: 'pattern', kind: 'dots', x: 0, y: 1250, width: 750, height: 84, color: PALE_GOLD, spacing: 28, opacity: 0.25 },
  ]),
  // White over a red foot: the last heading in red over a faint grid, a 质量强国 seal; drawn last.
  template('strong-nation', '建设质量强国', WHITE, [
    { type: 'pattern', kind: 'grid', x: 0, y: 0, width: 750, height: 860, color: RED, spacing: 60, opacity: 0.06 },
    { type: 'rect', x: 0, y: 860, width: 750, height: 474, fill: vertical(RED, DEEP_RED) },
    text(375, 180, atComma(sections[5].heading), 'title', RED, { maxWidth: 560 }),
    rule(315, 440, 120, 6),
    text(375, 500, `${sloganA}\n${sloganB}`, 'lead', INK, { lineHeight: 1.8 }),
    { type: 'seal', x: 305, y: 680, size: 140, text: STRONG_NATION, color: RED, ink: WHITE, rotate: -5 },
    text(375, 910, CAMPAIGN_LINE, 'lead', PALE_GOLD),
    code(295, 1010),
  ]),
]

function clip (value: string | undefined, max: number) {
  return Array.from((value ?? '').trim()).slice(0, max).join('')
}

/** The personal poster's layouts: classic (red, centred), seal (paper, a large seal) and band (navy, the number on a ribbon). */
export const PERSONAL_LAYOUTS = ['classic', 'seal', 'band'] as const
export type PersonalLayout = typeof PERSONAL_LAYOUTS[number]

interface PersonalLines { nickname: string; company: string; number: string; responds: string; pledgedOn: string }

/** The signature area: drawn only when a signature is passed in `PosterAssets.signature`. */
const signature = (x: number, y: number, width: number, height: number, backing?: string, ruleColor?: string): PosterElement =>
  ({ type: 'image', asset: 'signature', x, y, width, height, backing, rule: ruleColor })

const personalLayouts: Record<PersonalLayout, (lines: PersonalLines) => PosterTemplate> = {
  classic: ({ nickname, company, number, responds, pledgedOn }) => template('personal', '我的承诺海报', vertical(RED, DEEP_RED), [
    { type: 'pattern', kind: 'cloud', x: 0, y: 0, width: 750, height: 100, color: PALE_GOLD, spacing: 96, opacity: 0.16 },
    text(375, 130, CAMPAIGN_LINE, 'body', PALE_GOLD),
    ...(nickname ? [text(375, 220, nickname, 'heading', WHITE, { maxLines: 1 })] : []),
    ...(company ? [text(375, 300, company, 'body', PALE_GOLD, { maxLines: 2 })] : []),
    text(375, 430, number, 'title', WHITE, { maxWidth: 670, maxLines: 2 }),
    // The title in its own line: broken anywhere, 《…》 reads as two fragments.
    text(375, 570, responds, 'body', WHITE, { maxWidth: 670, maxLines: 3, lineHeight: 1.6 }),
    text(375, 700, `${sloganA}\n${sloganB}`, 'lead', PALE_GOLD, { lineHeight: 1.6 }),
    text(375, 840, pledgedOn, 'body', WHITE),
    signature(255, 900, 240, 96, '#fffdf7'),
    code(295, 1030),
    { type: 'pattern', kind: 'cloud', x: 0, y: 1264, width: 750, height: 70, color: PALE_GOLD, spacing: 96, opacity: 0.16 },
  ]),
  seal: ({ nickname, company, number, responds, pledgedOn }) => template('personal-seal', '我的承诺海报', PAPER, [
    { type: 'rect', x: 0, y: 0, width: 750, height: 16, fill: RED },
    text(70, 80, CAMPAIGN_LINE, 'body', RED, { align: 'left' }),
    { type: 'seal', x: 500, y: 150, size: 180, text: QUALITY_INTEGRITY, color: RED, ink: PAPER, rotate: -5 },
    ...(nickname ? [text(70, 170, nickname, 'title', INK, { align: 'left', maxWidth: 400, maxLines: 2, lineHeight: 1.3 })] : []),
    ...(company ? [text(70, 330, company, 'body', GREY, { align: 'left', maxWidth: 400, maxLines: 2 })] : []),
    rule(70, 460, 120, 6),
    text(70, 500, number, 'heading', RED, { align: 'left', maxWidth: 610, maxLines: 2 }),
    text(70, 610, responds, 'body', INK, { align: 'left', maxWidth: 610, maxLines: 3 }),
    text(70, 770, `${sloganA}\n${sloganB}`, 'lead', INK, { align: 'left', maxWidth: 610, lineHeight: 1.6 }),
    text(70, 910, pledgedOn, 'body', GREY, { align: 'left' }),
    { type: 'pattern', kind: 'dots', x: 300, y: 1190, width: 380, height: 80, color: RED, spacing: 28, opacity: 0.25 },
    signature(400, 1040, 280, 120, undefined, INK),
    code(80, 1050),
    { type: 'rect', x: 0, y: 1318, width: 750, height: 16, fill: RED },
  ]),
  band: ({ nickname, company, number, responds, pledgedOn }) => template('personal-band', '我的承诺海报', vertical(NAVY, '#0a1d38'), [
    { type: 'pattern', kind: 'grid', x: 0, y: 0, width: 750, height: 300, color: PALE_GOLD, spacing: 50, opacity: 0.1 },
    text(375, 100, CAMPAIGN_LINE, 'body', PALE_GOLD),
    ...(nickname ? [text(375, 180, nickname, 'title', WHITE, { maxLines: 1 })] : []),
    ...(company ? [text(375, 280, company, 'body', PALE_GOLD, { maxLines: 2 })] : []),
    { type: 'band', x: 30, y: 420, width: 690, height: 130, fill: RED, notch: 36 },
    text(375, 443, number, 'title', WHITE, { maxWidth: 600, maxLines: 1 }),
    text(375, 600, responds, 'body', WHITE, { maxWidth: 670, maxLines: 3, lineHeight: 1.6 }),
    text(375, 730, `${sloganA}\n${sloganB}`, 'lead', PALE_GOLD, { lineHeight: 1.6 }),
    text(375, 870, pledgedOn, 'body', WHITE),
    signature(50, 1040, 200, 110, '#fffdf7'),
    { type: 'seal', x: 560, y: 1040, size: 140, shape: 'round', text: INTEGRITY, color: RED, ink: WHITE, rotate: -8 },
    code(295, 1030),
  ]),
}

/**
 * The personal pledge poster in one of PERSONAL_LAYOUTS; the 承诺编号 must come from the
 * server's reply. The date is labelled 承诺日期 so it is not read as the campaign's month.
 */
export function personalPoster (data: PosterData, layout: PersonalLayout = 'classic'): PosterTemplate {
  if (!Number.isInteger(data.number) || data.number < 1) throw new RangeError(`承诺编号应为正整数，收到 ${String(data.number)}`)
  const pledgedOn = data.pledgedOn ?? data.date
  return personalLayouts[layout]({
    nickname: clip(data.nickname, NICKNAME_MAX),
    company: clip(data.company, LIMITS.companyMaxChars),
    number: `承诺编号 No.${data.number}`,
    responds: `响应\n《${proposal.title}》`,
    pledgedOn: `承诺日期 ${formatFullDate(pledgedOn.slice(0, 10))}`,
  })
}

/**
 * Share card covers, drawn once by scripts/build-share-covers.mjs and shipped as small JPEGs:
 * WeChat shows a friend share at 5:4 and a Moments share at 1:1.
 */
export const shareCovers: Record<'friend' | 'moments', PosterTemplate> = {
  friend: {
    id: 'share-friend',
    name: '分享卡片封面（5:4）',
    width: 400,
    height: 320,
    background: RED,
    elements: [
      coverText(200, 62, CAMPAIGN_LINE, 20, PALE_GOLD, { maxWidth: 360 }),
      { type: 'rect', x: 170, y: 104, width: 60, height: 3, fill: GOLD },
      coverText(200, 134, campaign.theme.replace(' ', '\n'), 44, '#ffffff', { fontWeight: 'bold', maxWidth: 360, lineHeight: 1.35 }),
    ],
  },
  moments: {
    id: 'share-moments',
    name: '朋友圈封面（1:1）',
    width: 240,
    height: 240,
    background: RED,
    elements: [
      coverText(120, 50, CAMPAIGN_LINE, 15, PALE_GOLD, { maxWidth: 210 }),
      coverText(120, 96, campaign.theme.replace(' ', '\n'), 30, '#ffffff', { fontWeight: 'bold', maxWidth: 210, lineHeight: 1.4 }),
    ],
  },
}

/** A printable card for an event's code: its name, date and place above a large code. */
export function eventCodeCard (event: { name: string; date: string; place: string }): PosterTemplate {
  return template('event-code', event.name, '#ffffff', [
    { type: 'rect', x: 0, y: 0, width: 750, height: 16, fill: RED },
    { type: 'seal', x: 640, y: 40, size: 70, text: QUALITY_INTEGRITY, color: RED, ink: WHITE },
    text(375, 70, CAMPAIGN_LINE, 'caption', RED),
    text(375, 140, event.name, 'heading', INK, { maxWidth: 560, maxLines: 2, lineHeight: 1.4 }),
    text(375, 280, `${formatFullDate(event.date)} · ${event.place}`, 'caption', GREY, { maxLines: 2 }),
    { type: 'code', x: 175, y: 420, size: 400, label: CODE_LABEL },
    text(375, 1000, `响应《${proposal.title}》`, 'caption', GREY, { maxWidth: 670, maxLines: 2 }),
    { type: 'pattern', kind: 'cloud', x: 0, y: 1100, width: 750, height: 84, color: RED, spacing: 96, opacity: 0.12 },
    { type: 'rect', x: 0, y: 1184, width: 750, height: 16, fill: RED },
  ], 1200)
}
