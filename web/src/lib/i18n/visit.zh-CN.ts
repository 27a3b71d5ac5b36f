/**
 * Simplified Chinese strings for getting to a venue and planning a visit: the hours in words, the
 * notes, directions, the address to copy, and the "what's on" page. Merged into `messages` (zh-CN.ts);
 * `visit.en.ts` provides the same {@link VisitMessages} shape.
 */

import type { MapApp } from '$lib/venue/directions';
import { allDay, wholeMonths, type DayRuns, type HoursSummary, type OpenLine } from '$lib/venue/hours-words';

const WEEKDAY_NAMES: Record<string, string> = {
  Mo: '周一',
  Tu: '周二',
  We: '周三',
  Th: '周四',
  Fr: '周五',
  Sa: '周六',
  Su: '周日',
};

const dayName = (day: string) => WEEKDAY_NAMES[day] ?? day;

/** 周二至周日; 周六、周日; 周一、周三至周五. */
function runsText(runs: DayRuns): string {
  if (runs.length === 1 && runs[0]!.length === 7) return '每天';
  return runs
    .map((run) => (run.length >= 3 ? `${dayName(run[0]!)}至${dayName(run.at(-1)!)}` : run.map(dayName).join('、')))
    .join('、');
}

const spansText = (spans: OpenLine['spans']) =>
  allDay(spans) ? '全天开放' : spans.map((s) => `${s.start}–${s.end}`).join('、');

const monthDayText = (md: number) => `${Math.floor(md / 100)}月${md % 100}日`;

function seasonText(season: { from: number; to: number }): string {
  const whole = wholeMonths(season);
  if (whole)
    return whole.fromMonth === whole.toMonth ? `${whole.fromMonth}月` : `${whole.fromMonth}月至${whole.toMonth}月`;
  return `${monthDayText(season.from)}至${monthDayText(season.to)}`;
}

/** One line per season ("4月至10月：周二至周日 08:30–17:00，周一闭馆"), public holidays last. */
function hoursLines(summary: HoursSummary): string[] {
  const seasons = summary.seasons.map(({ season, week }) => {
    const parts = week.open.map((line) => `${runsText(line.runs)} ${spansText(line.spans)}`);
    if (week.closed.length > 0) parts.push(`${runsText(week.closed)}闭馆`);
    const text = week.open.length === 0 ? '闭馆' : parts.join('，');
    return season ? `${seasonText(season)}：${text}` : text;
  });
  const holidays = summary.publicHolidays;
  if (holidays) seasons.push(holidays.closed ? '法定节假日闭馆' : `法定节假日 ${spansText(holidays.spans)}`);
  return seasons;
}

const apps: Record<MapApp, string> = { amap: '高德地图', baidu: '百度地图', apple: '苹果地图' };

/** Every visit string in Simplified Chinese. */
export const visitMessages = {
  hoursLines,
  hoursInWords: (summary: HoursSummary) => hoursLines(summary).join('；'),
  hoursRegularCaption: '平常的开放时间',
  hoursComment: (text: string) => `说明：${text}`,

  notesHeading: '参观须知',
  dataDetails: '数据细节（条目编号、坐标、开放时间原文）',
  titlesChineseOnly: '称号仅有中文。',

  gettingThereHeading: '怎么去',
  directionsLabel: '用地图应用导航',
  directionsTo: (app: MapApp) => apps[app],
  directionsLinkLabel: (app: MapApp, name: string) => `用${apps[app]}导航到${name}（在新窗口打开）`,
  directionsNote: '链接里的坐标已按各家地图的坐标系换算。',
  copyAddress: '复制地址',
  copyAddressLabel: (address: string) => `复制地址：${address}`,
  addressCopied: '地址已复制',
  copyFailed: '无法复制，请长按地址手动复制',
  contactsHeading: '联系方式',

  chineseNameOnly: '仅有中文名称',
  chineseAddressOnly: '仅有中文地址',

  whatsOnLink: '本周活动',
  whatsOnTitle: '本周活动 · 开门',
  whatsOnHeading: '本周活动',
  whatsOnIntro: (place: string | null) =>
    place ? `未来七天${place}附近场馆的开放日和活动时段，按天排列。` : '未来七天各场馆的开放日和活动时段，按天排列。',
  whatsOnNearMapCentre: '地图中心',
  whatsOnEmptyDay: '这一天没有安排。',
  whatsOnEmpty: '未来七天附近没有开放日或活动。试试把地图移到别处再打开。',
  whatsOnMore: '只显示了最先的一部分时段，缩小范围可以看到更多。',
  whatsOnDistance: (metres: number) =>
    metres < 1000 ? `${Math.round(metres)} 米` : `${(metres / 1000).toFixed(1)} 公里`,
  whatsOnPlacesTotal: (n: number) => `余位 ${n}`,
  whatsOnDayHeading: (label: string, weekday: string, count: number) => `${label}（${weekday}）· ${count} 个时段`,
  whatsOnBackToMap: '返回地图',
};

/** The shape every language's visit strings must provide. */
export type VisitMessages = typeof visitMessages;
