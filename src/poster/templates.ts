/**
 * The campaign posters, built only from the campaign's own words (theme, slogans, the six
 * section headings of the proposal). Each has its own layout and a restrained colour scheme.
 */
import { LIMITS } from '@shared/protocol'
import { campaign, proposal } from '@/content'
import { formatFullDate } from '@/utils/format-date'
import type { PosterData, PosterElement, PosterTemplate } from './types'

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
const NAVY = '#12315c'
const INK = '#1a1a1a'
const PAPER = '#fbf7ef'

const sections = proposal.groups.flatMap((group) => group.sections.map((section) => ({ group: group.name, heading: section.heading })))
const [sloganA, sloganB] = campaign.slogans

const text = (x: number, y: number, content: string, fontSize: number, color: string, extra: Partial<Extract<PosterElement, { type: 'text' }>> = {}): PosterElement => ({
  type: 'text', x, y, text: content, fontSize, color, maxWidth: 630, align: 'center', ...extra,
})
const code = (x: number, y: number): PosterElement => ({ type: 'code', x, y, size: 160, label: CODE_LABEL })

function template (id: string, name: string, background: PosterTemplate['background'], elements: PosterElement[], height = POSTER_HEIGHT): PosterTemplate {
  return { id, name, width: POSTER_WIDTH, height, background, elements }
}

export const posterTemplates: PosterTemplate[] = [
  template('theme', '活动主题', { type: 'linear', angle: 90, stops: [{ offset: 0, color: RED }, { offset: 1, color: DEEP_RED }] }, [
    text(375, 160, CAMPAIGN_LINE, 32, PALE_GOLD),
    { type: 'rect', x: 275, y: 230, width: 200, height: 4, fill: GOLD },
    text(375, 330, campaign.theme.replace(' ', '\n'), 88, '#ffffff', { fontWeight: 'bold', lineHeight: 1.4 }),
    text(375, 680, `${sloganA}\n${sloganB}`, 36, PALE_GOLD, { lineHeight: 1.8 }),
    code(295, 1030),
  ]),
  template('slogans', '质量诚信', PAPER, [
    { type: 'rect', x: 0, y: 0, width: 750, height: 24, fill: RED },
    text(80, 150, CAMPAIGN_LINE, 30, RED, { align: 'left' }),
    text(80, 260, sloganA.replace(' ', '\n'), 76, INK, { align: 'left', fontWeight: 'bold', lineHeight: 1.4 }),
    { type: 'rect', x: 80, y: 520, width: 120, height: 8, fill: GOLD },
    text(80, 580, sloganB.replace(' ', '\n'), 76, RED, { align: 'left', fontWeight: 'bold', lineHeight: 1.4 }),
    text(80, 880, campaign.theme, 32, '#555555', { align: 'left' }),
    code(510, 1060),
    { type: 'rect', x: 0, y: 1310, width: 750, height: 24, fill: RED },
  ]),
  template('enterprise', '倡议企业界', { type: 'linear', angle: 90, stops: [{ offset: 0, color: NAVY }, { offset: 1, color: '#0a1d38' }] }, [
    text(375, 140, proposal.title, 30, PALE_GOLD, { maxWidth: 670, maxLines: 2, lineHeight: 1.5 }),
    text(375, 290, '我们倡议企业界', 44, '#ffffff', { fontWeight: 'bold' }),
    ...sections.filter((s) => s.group === '企业界').flatMap((s, index): PosterElement[] => [
      { type: 'rect', x: 60, y: 400 + index * 180, width: 630, height: 140, fill: 'rgba(255,255,255,0.08)', radius: 16 },
      text(375, 432 + index * 180, s.heading, 34, '#ffffff', { maxWidth: 570, maxLines: 2 }),
    ]),
    code(295, 1000),
  ]),
  template('society', '倡议全社会', '#f3f6fa', [
    { type: 'rect', x: 0, y: 0, width: 750, height: 360, fill: NAVY },
    text(375, 110, CAMPAIGN_LINE, 30, PALE_GOLD),
    text(375, 190, '我们倡议全社会', 56, '#ffffff', { fontWeight: 'bold' }),
    ...sections.filter((s) => s.group === '全社会').flatMap((s, index): PosterElement[] => [
      { type: 'rect', x: 60, y: 430 + index * 170, width: 12, height: 120, fill: GOLD },
      text(100, 440 + index * 170, s.heading, 36, NAVY, { align: 'left', maxWidth: 590, maxLines: 2 }),
    ]),
    code(295, 1010),
  ]),
  template('quality-first', '坚持质量第一', { type: 'linear', angle: 90, stops: [{ offset: 0, color: '#8a6d12' }, { offset: 1, color: GOLD }] }, [
    { type: 'rect', x: 50, y: 50, width: 650, height: 1234, fill: 'rgba(255,255,255,0.12)', radius: 24 },
    text(375, 200, sections[0].heading, 52, '#ffffff', { fontWeight: 'bold', maxWidth: 560, lineHeight: 1.5 }),
    text(375, 520, campaign.theme, 36, '#fff7dc'),
    text(375, 620, CAMPAIGN_LINE, 30, '#fff7dc'),
    code(295, 1000),
  ]),
  template('strong-nation', '建设质量强国', '#ffffff', [
    { type: 'rect', x: 0, y: 860, width: 750, height: 474, fill: { type: 'linear', angle: 90, stops: [{ offset: 0, color: RED }, { offset: 1, color: DEEP_RED }] } },
    text(375, 180, sections[5].heading, 50, RED, { fontWeight: 'bold', maxWidth: 560, lineHeight: 1.5 }),
    { type: 'rect', x: 315, y: 440, width: 120, height: 6, fill: GOLD },
    text(375, 500, `${sloganA}\n${sloganB}`, 36, INK, { lineHeight: 1.8 }),
    text(375, 920, CAMPAIGN_LINE, 32, PALE_GOLD),
    code(295, 1010),
  ]),
]

function clip (value: string | undefined, max: number) {
  return Array.from((value ?? '').trim()).slice(0, max).join('')
}

/** The personal pledge poster; the 承诺编号 must come from the server's reply. */
export function personalPoster (data: PosterData): PosterTemplate {
  if (!Number.isInteger(data.number) || data.number < 1) throw new RangeError(`承诺编号应为正整数，收到 ${String(data.number)}`)
  const nickname = clip(data.nickname, NICKNAME_MAX)
  const company = clip(data.company, LIMITS.companyMaxChars)
  return template('personal', '我的承诺海报', { type: 'linear', angle: 90, stops: [{ offset: 0, color: RED }, { offset: 1, color: DEEP_RED }] }, [
    text(375, 150, CAMPAIGN_LINE, 32, PALE_GOLD),
    ...(nickname ? [text(375, 260, nickname, 48, '#ffffff', { fontWeight: 'bold', maxLines: 1 })] : []),
    ...(company ? [text(375, 340, company, 32, PALE_GOLD, { maxLines: 2 })] : []),
    text(375, 470, `承诺编号 No.${data.number}`, 56, '#ffffff', { fontWeight: 'bold', maxWidth: 670, maxLines: 2 }),
    // The title in its own line: broken anywhere, 《…》 reads as two fragments.
    text(375, 590, `响应\n《${proposal.title}》`, 30, '#ffffff', { maxWidth: 670, maxLines: 3, lineHeight: 1.6 }),
    text(375, 740, `${sloganA}\n${sloganB}`, 36, PALE_GOLD, { lineHeight: 1.8 }),
    text(375, 900, formatFullDate(data.date.slice(0, 10)), 30, '#ffffff'),
    code(295, 1030),
  ])
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
      text(200, 62, CAMPAIGN_LINE, 20, PALE_GOLD, { maxWidth: 360 }),
      { type: 'rect', x: 170, y: 104, width: 60, height: 3, fill: GOLD },
      text(200, 134, campaign.theme.replace(' ', '\n'), 44, '#ffffff', { fontWeight: 'bold', maxWidth: 360, lineHeight: 1.35 }),
    ],
  },
  moments: {
    id: 'share-moments',
    name: '朋友圈封面（1:1）',
    width: 240,
    height: 240,
    background: RED,
    elements: [
      text(120, 50, CAMPAIGN_LINE, 15, PALE_GOLD, { maxWidth: 210 }),
      text(120, 96, campaign.theme.replace(' ', '\n'), 30, '#ffffff', { fontWeight: 'bold', maxWidth: 210, lineHeight: 1.4 }),
    ],
  },
}

/** A printable card for an event's code: its name, date and place above a large code. */
export function eventCodeCard (event: { name: string; date: string; place: string }): PosterTemplate {
  return template('event-code', event.name, '#ffffff', [
    { type: 'rect', x: 0, y: 0, width: 750, height: 16, fill: RED },
    text(375, 70, CAMPAIGN_LINE, 28, RED),
    text(375, 140, event.name, 44, INK, { fontWeight: 'bold', maxLines: 2, lineHeight: 1.4 }),
    text(375, 280, `${formatFullDate(event.date)} · ${event.place}`, 28, '#555555', { maxLines: 2 }),
    { type: 'code', x: 175, y: 420, size: 400, label: CODE_LABEL },
    text(375, 1000, `响应《${proposal.title}》`, 26, '#555555', { maxWidth: 670, maxLines: 2 }),
    { type: 'rect', x: 0, y: 1184, width: 750, height: 16, fill: RED },
  ], 1200)
}
