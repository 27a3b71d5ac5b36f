/**
 * Simplified Chinese strings of the venue page, merged into `messages` (zh-CN.ts); `venue.en.ts`
 * provides the same {@link VenueMessages} shape.
 */

import type { DayTime, TodayStatus } from '$lib/venue/hours';

const weekdays: Record<string, string> = {
  Mo: '周一',
  Tu: '周二',
  We: '周三',
  Th: '周四',
  Fr: '周五',
  Sa: '周六',
  Su: '周日',
};

const bookingModes: Record<string, string> = {
  none: '无需预约，开放时间内直接入场。',
  online_required: '须提前在网上实名预约，凭预约入场。',
  online_optional: '可以提前在网上预约，也可以直接前往。',
  group_only: '只接受团体预约，散客不能预约。',
  unknown: '预约方式未知，出发前请向场馆确认。',
};

const levels: Record<string, string> = { national: '国家级', provincial: '省级', city: '市级', district: '区级' };

const crs: Record<string, string> = {
  wgs84: 'WGS-84',
  gcj02: 'GCJ-02（高德、腾讯坐标），已换算为 WGS-84',
  bd09: 'BD-09（百度坐标），已换算为 WGS-84',
};

const verification: Record<string, string> = {
  unverified: '尚未经教育部门核实',
  pending: '教育部门核实中',
  verified: '已经教育部门核实',
  rejected: '教育部门核实未通过',
};

const precision: Record<string, string> = {
  high: '精确到约 200 米',
  medium: '精确到约 1 公里',
  low: '只精确到区县',
};

const pick = (table: Record<string, string>, key: string) => (Object.hasOwn(table, key) ? table[key]! : key);

const dateLabel = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function when(at: DayTime): string {
  if (at.day === 'today') return `今天 ${at.time}`;
  if (at.day === 'tomorrow') return `明天 ${at.time}`;
  return `${dateLabel(at.date)} ${at.time}`;
}

function gradeName(grade: number): string {
  if (grade <= 0) return '幼儿园';
  if (grade <= 6) return `小学${'一二三四五六'[grade - 1]}年级`;
  if (grade <= 9) return `初${'一二三'[grade - 7]}`;
  return `高${'一二三'[Math.min(grade, 12) - 10]}`;
}

/** Every venue-page string in Simplified Chinese. */
export const venueMessages = {
  venueTitle: (name: string) => `${name} · 开门`,
  venueDescription: (name: string, place: string, admission: string, status: string) =>
    `${name}，${place}。未成年人入场：${admission}。${status}。开放时间、预约方式和近期开放日。`,
  backToMap: '返回地图',
  weekday: (code: string) => pick(weekdays, code),
  dateLabel,
  longDate: (date: string) => `${date.slice(0, 4)}年${dateLabel(date)}`,
  todayStatus: (s: TodayStatus): string => {
    switch (s.kind) {
      case 'unknown':
        return '开放时间未知';
      case 'open':
        return s.closes ? `开放中，${s.closes.day === 'today' ? s.closes.time : when(s.closes)} 闭馆` : '开放中';
      case 'closed-today':
        return s.opens ? `今日闭馆，${when(s.opens)} 开放` : '今日闭馆';
      case 'not-yet-open':
        return s.opens ? `尚未开放，${when(s.opens)} 开放` : '尚未开放';
      case 'closed-for-the-day':
        return s.opens ? `今日已闭馆，${when(s.opens)} 开放` : '今日已闭馆';
    }
  },
  hoursHeading: '开放时间',
  weekCaption: '未来七天（北京时间）',
  colDate: '日期',
  colHours: '开放时间',
  colNote: '说明',
  today: '今天',
  closed: '闭馆',
  hoursUnknown: '未知',
  holidayMark: (name: string) => `节假日：${name}`,
  workdayMark: (name: string) => `调休上班（${name}）`,
  hoursUnknownNote: '我们还不知道这里的开放时间，出发前请向场馆确认。表中仍标出节假日和调休。',
  calendarNotCovered: '这些日子所在年份的节假日安排尚未公布，表中按平常日子计算。',

  admissionHeading: '未成年人入场',
  admissionValue: (a: string) =>
    pick({ free: '免费', discounted: '优惠', paid: '收费', unknown: '未知，请向场馆确认' }, a),
  admissionRule: '规定',
  bookingHeading: '如何预约',
  bookingMode: (mode: string) => pick(bookingModes, mode),
  phone: '电话',
  website: '网站',
  email: '邮箱',

  accessibilityHeading: '无障碍',
  accessValue: (v: boolean | null): string => (v === true ? '有' : v === false ? '没有' : '未知'),
  accessibilityNote: '“未知”表示还没有核实，不等于没有。',

  designationsHeading: '称号',
  designationLevel: (level: string) => pick(levels, level),
  revoked: '已撤销',

  groupHeading: '学校团体',
  groupSize: (min: number | null, max: number | null): string =>
    min !== null && max !== null
      ? `每团 ${min}–${max} 人`
      : min !== null
        ? `每团至少 ${min} 人`
        : max !== null
          ? `每团最多 ${max} 人`
          : '团体人数：未注明',
  leadDays: (n: number | null): string => (n === null ? '提前预约天数：未注明' : `需提前 ${n} 天预约`),
  greenChannel: (v: boolean | null): string =>
    v === true ? '提供绿色通道：学校团体可优先预约' : v === false ? '不提供绿色通道' : '绿色通道：未知',

  suitabilityHeading: '适合',
  ages: (min: number | null, max: number | null): string | null =>
    min !== null && max !== null
      ? `${min}–${max} 岁`
      : min !== null
        ? `${min} 岁以上`
        : max !== null
          ? `${max} 岁以下`
          : null,
  grades: (min: number | null, max: number | null): string | null =>
    min !== null && max !== null
      ? min === max
        ? gradeName(min)
        : `${gradeName(min)}至${gradeName(max)}`
      : min !== null
        ? `${gradeName(min)}及以上`
        : max !== null
          ? `${gradeName(max)}及以下`
          : null,
  suitabilityNone: '没有注明年龄或年级限制',

  slotsHeading: '近期开放日',
  slotsCaption: '未来四周',
  sampleBadge: '示例日程',
  sampleNote: '标有“示例日程”的时段是开门为演示生成的，并非场馆公布，请勿据此出行。',
  slotTime: (date: string, weekday: string, start: string, end: string) =>
    `${dateLabel(date)}（${pick(weekdays, weekday)}）${start}–${end}`,
  openDay: '开放日',
  placesPublic: (n: number) => `公众余位 ${n}`,
  placesSchool: (n: number) => `学校团体预留 ${n}`,
  full: '已满',
  noSlots: '未来四周还没有开放日安排。',
  subscribeIcs: '订阅日历 (.ics)',

  locationHeading: '位置',
  locationMapLabel: (name: string) => `${name}的位置`,
  approxNote: (metres: number) => `位置为近似：场馆在圆圈内某处（约 ${metres / 1000} 公里范围）。`,
  exactNote: '地图上的点即场馆位置。',
  venueMapError: '地图加载失败。',
  showOnMap: '在地图上看周边场馆',

  provenanceHeading: '数据来源',
  sourceName: (source: string) => (source === 'kaimen-curated' ? '开门整理的公开场馆清单（非官方名录）' : source),
  sourceRef: '条目编号',
  updatedAt: '更新于',
  note: '备注',
  coordinates: '坐标',
  coordinatesText: (system: string, p: string) => `${pick(crs, system)}；${pick(precision, p)}`,
  rawHours: '开放时间原文（OSM 格式）',
  verification: (status: string) => pick(verification, status),

  notFoundTitle: '没有找到这个场馆',
  notFoundBody: '链接可能有误，或者这个场馆已经下线。',
  errorTitle: '页面出了点问题',
  errorBody: '请稍后再试。',
  detailsLink: '详情',
  detailsLinkLabel: (name: string) => `${name} 详情`,
};

/** The shape every language's venue-page strings must provide. */
export type VenueMessages = typeof venueMessages;
