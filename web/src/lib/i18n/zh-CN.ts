/**
 * Simplified Chinese interface strings, the default language. Every user-visible string lives here;
 * `en.ts` provides the same {@link Messages} shape.
 */

import type { Admission, Theme, VenueKind, VenueSort } from '$lib/api/types';
import type { AccessibilityNeed } from '$lib/api/vocab';
import type { When } from '$lib/state/when';
import { roundDistance } from '$lib/venues/distance';
import { consoleMessages } from './console.zh-CN';
import { searchMessages } from './search.zh-CN';
import { mapMessages } from './map.zh-CN';
import { venueMessages } from './venue.zh-CN';
import { visitMessages } from './visit.zh-CN';
import { bookingMessages } from './booking.zh-CN';

/** Chinese names of the venue kinds the API knows. */
const kinds: Record<VenueKind, string> = {
  museum: '博物馆',
  library: '图书馆',
  science_center: '科技馆',
  memorial_hall: '纪念馆',
  art_gallery: '美术馆',
  cultural_center: '文化馆',
  heritage_hall: '非遗馆',
  performance_venue: '演出场馆',
  sports_venue: '体育场馆',
  park: '公园',
  national_park: '国家公园',
  youth_palace: '少年宫',
  children_center: '儿童活动中心',
  practice_base: '研学实践基地',
  community_station: '社区家庭教育指导站',
  education_base: '教育基地',
  camp: '营地',
};

const themes: Record<Theme, string> = {
  patriotism: '爱国主义',
  rule_of_law: '法治',
  science: '科学',
  culture_heritage: '文化遗产',
  arts: '艺术',
  sports: '体育',
  labour: '劳动',
  nature: '自然',
  safety: '安全',
  volunteering: '志愿服务',
  reading: '阅读',
  family_education: '家庭教育',
};

const accessibility: Record<AccessibilityNeed, string> = {
  wheelchair: '轮椅可达',
  hearing: '听障友好',
  visual: '视障友好',
  cognitive: '认知障碍友好',
};

const admission: Record<Admission, string> = {
  free: '免费',
  discounted: '优惠',
  paid: '收费',
  unknown: '未知',
};

const sorts: Record<VenueSort, string> = {
  distance: '距离最近',
  relevance: '名称最匹配',
  name: '按名称',
};

/** Where the chosen place came from; a venue chosen by name shows its own name instead. */
const placeSources = {
  located: '我的位置',
  picked: '地图上选的点',
  shared: '链接中的位置',
  district: '所选地区',
  school: '我的学校',
};

const districtLevels = { province: '省级', city: '地级市', district: '区县' };

const geoErrors = {
  denied: '没有获得定位权限。',
  unavailable: '暂时无法确定你的位置。',
  timeout: '定位超时。',
  unsupported: '这个浏览器不支持定位。',
};

const label =
  <K extends string>(table: Record<K, string>) =>
  (key: string) =>
    Object.hasOwn(table, key) ? table[key as K] : key;

/** Every interface string in Simplified Chinese; functions take what the sentence needs. */
export const messages = {
  appName: '开门',
  appTagline: '孩子的校外学习地图',
  pageTitle: '开门 · 孩子的校外学习地图',
  skipToList: '跳到场馆列表',
  searchLabel: '搜索场馆',
  searchPlaceholder: '名称，例如：博物馆',
  mapLabel: '场馆地图。地图上的场馆也都列在场馆列表中，可用键盘浏览。',
  listLabel: '当前地图范围内的场馆',
  listRegionLabel: '场馆列表',
  /** `more`: the API has further pages, so `n` is a lower bound and must not read as the total. */
  resultCount: (n: number, more = false) => (more ? `显示前 ${n} 个场馆，还有更多` : `共 ${n} 个场馆`),
  moreResults: '只显示前一部分结果，放大地图可以看到更多。',
  loading: '正在加载场馆…',
  emptyNoFilters: '这片区域没有找到场馆。试试扩大地图范围。',
  /** `names`: the active filters, most recently useful first. */
  emptyFiltered: (names: string[]) =>
    `没有找到符合条件的场馆。试试取消${names.map((n) => `“${n}”`).join('、')}或扩大地图范围。`,
  removeFilter: (name: string) => `取消“${name}”`,
  zoomOut: '扩大地图范围',
  minorsAdmission: '未成年人',
  admissionLabel: (a: string) => label(admission)(a),
  kindLabel: label(kinds),
  themeLabel: label(themes),
  accessibilityLabel: label(accessibility),
  distance: (metres: number) => {
    const d = roundDistance(metres);
    return d.unit === 'm' ? `${d.value} 米` : `${d.value} 公里`;
  },
  distanceLabel: (text: string) => `距离 ${text}`,
  fromSchool: (text: string) => `距学校 ${text}`,
  /** The letter on the school's marker. */
  schoolMarkerGlyph: '校',
  schoolMarker: (name: string) => `我的学校：${name}`,

  filtersHeading: '筛选',
  filtersToggle: (active: number) => (active > 0 ? `筛选（已选 ${active} 项）` : '筛选'),
  admissionLegend: '入场与预约',
  filterFree: '未成年人免费',
  filterGreenChannel: '绿色通道（学校团体预约）',
  greenChannelName: '绿色通道',
  whenLegend: '什么时候去',
  whenAny: '任何时间',
  whenWeekend: '本周末',
  /** `dates`: the weekend's days as the API counts them (today only on a Sunday). */
  whenWeekendDates: (dates: string[]) =>
    `（${dates.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`).join('、')}）`,
  whenDate: '选一天',
  whenDateLabel: '日期',
  whenNow: '现在开放',
  whenHint: '按场馆公布的开放时间和法定节假日、调休计算',
  whenFilterName: (when: When) =>
    when.type === 'weekend'
      ? '本周末开放'
      : when.type === 'date'
        ? `${Number(when.date.slice(5, 7))}月${Number(when.date.slice(8, 10))}日开放`
        : when.type === 'range'
          ? searchMessages.whenRangeName(when.from, when.to)
          : '现在开放',
  unknownHoursLeftOut: (n: number) => `另有 ${n} 个场馆开放时间未知，未显示`,
  showUnknownHours: '也显示它们',
  unknownHoursShown: (n: number) => `其中 ${n} 个场馆开放时间未知，出发前请先确认`,
  hideUnknownHours: '不显示它们',
  hoursUnknownTag: '开放时间未知',
  kindsLegend: '场馆类型',
  themesLegend: '教育主题',
  accessibilityLegend: '无障碍',
  accessibilityHint: '只显示已确认满足所选全部需求的场馆',
  sortLabel: '排序',
  sortDefault: '默认',
  sortLabelFor: label(sorts),
  sortNeedsPlace: '（先设定位置）',
  sortNeedsQuery: '（先输入名称）',
  clearFilters: '清除筛选',
  searchFilterName: (q: string) => `搜索：${q}`,

  placeLegend: '位置',
  locateMe: '定位我',
  locating: '正在定位…',
  pickOnMap: '在地图上点选位置',
  cancelPick: '取消点选',
  pickHint: '点击地图选择位置。用键盘时，移动地图后按 Enter 选中心点；按 Esc 取消。',
  placeSearchLabel: '按地区或场馆名称定位',
  placeSearchPlaceholder: '输入区县、城市或场馆名称',
  placeSearchNoMatch: '没有找到这个名称的地区或场馆',
  placeSearchResults: '匹配的地区和场馆',
  placeSourceLabel: label(placeSources),
  placeCurrent: (name: string) => `位置：${name}`,
  clearPlace: '清除位置',
  geoErrorText: label(geoErrors),
  geoFallback: '可以在地图上点选位置，或输入区县、城市或场馆名称来定位。',
  typePlaceName: '输入地区或场馆名称',
  districtLevelLabel: label(districtLevels),

  sheetExpand: '展开列表',
  sheetFull: '全屏显示列表',
  sheetCollapse: '收起列表',

  langSwitchLabel: '语言',
  otherLang: 'English',
  otherLangCode: 'en',

  legendTitle: '图例',
  legendAdmission: '圆点颜色：未成年人入场',
  legendApprox: '较淡：位置为近似',
  legendClusters: '带数字的大圆：成组的场馆及其数量，颜色为其中多数场馆的入场方式；点击放大',
  mapDescription:
    '圆点颜色表示未成年人入场：绿色免费，橙色优惠，蓝灰色收费，灰色未知；较淡的点位置为近似。缩小地图时，相邻场馆合成一个标有数量的大圆，颜色为其中多数场馆的入场方式。场馆列表与地图显示相同的场馆，可用键盘浏览。',

  networkError: '无法连接服务器，请稍后再试。',
  serverError: '服务器暂时出了问题，请稍后再试。',
  mapLoadError: '地图加载失败，仍可使用场馆列表。',
  offlineAttribution: '边界: ECharts 4 地图数据（示意）',
  /** MapLibre's own control labels (its `locale` option); keys not listed stay in English. */
  mapLocale: {
    'Map.Title': '地图',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'NavigationControl.ResetBearing': '重置方向',
    'AttributionControl.ToggleAttribution': '显示或隐藏地图来源',
    'GeolocateControl.FindMyLocation': '定位到我的位置',
    'GeolocateControl.LocationNotAvailable': '无法获取位置',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
  } as Record<string, string>,

  ...venueMessages,
  ...searchMessages,
  ...mapMessages,
  ...consoleMessages,
  ...visitMessages,
  ...bookingMessages,
};

/** The shape every interface language module must provide. */
export type Messages = typeof messages;
