/**
 * Simplified Chinese interface strings. Every user-visible string lives here so an English
 * module can later satisfy the same {@link Messages} type and be swapped in.
 */

import type { Admission, VenueKind } from '$lib/api/types';

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

const admission: Record<Admission, string> = {
  free: '免费',
  discounted: '优惠',
  paid: '收费',
  unknown: '未知',
};

export const messages = {
  appName: '开门',
  appTagline: '孩子的校外学习地图',
  pageTitle: '开门 · 孩子的校外学习地图',
  searchLabel: '搜索场馆',
  searchPlaceholder: '名称，例如：博物馆',
  mapLabel: '场馆地图。地图上的场馆也列在旁边的列表中，可用键盘浏览。',
  listLabel: '当前地图范围内的场馆',
  listRegionLabel: '场馆列表',
  /** `more`: the API has further pages, so `n` is a lower bound and must not read as the total. */
  resultCount: (n: number, more = false) => (more ? `显示前 ${n} 个场馆，还有更多` : `共 ${n} 个场馆`),
  moreResults: '只显示前一部分结果，放大地图可以看到更多。',
  loading: '正在加载场馆…',
  emptyTitle: '这片区域没有找到场馆',
  emptyHint: '试试缩小地图看看更大的范围，或清空搜索词。',
  clearSearch: '清空搜索',
  minorsAdmission: '未成年人',
  admissionLabel: (a: Admission) => admission[a] ?? admission.unknown,
  kindLabel: (k: string) => (Object.hasOwn(kinds, k) ? kinds[k as VenueKind] : k),
  networkError: '无法连接服务器，请稍后再试。',
  serverError: '服务器暂时出了问题，请稍后再试。',
  mapLoadError: '地图加载失败，仍可使用下方列表。',
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
  } satisfies Record<string, string>,
} as const;

/** The shape every interface language module must provide. */
export type Messages = typeof messages;
