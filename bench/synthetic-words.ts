/**
 * The words synthetic venue names and addresses are made of (bench/generate-venues.ts): per kind, the
 * kind words a Chinese venue name ends with, middles that go before them, and the themes it gets.
 */
import type { Theme, VenueKind } from '../domain/vocab.ts';

/** Kind words and name middles; the weights roughly follow the curated seed, plus the kinds it lacks. */
export const KINDS: { kind: VenueKind; weight: number; words: string[]; middles: string[]; themes: Theme[] }[] = [
  {
    kind: 'museum',
    weight: 14,
    words: ['博物馆'],
    middles: ['自然', '历史', '民俗', '城市', '工业', '地质', '海洋', '铁路', '陶瓷', ''],
    themes: ['culture_heritage', 'science', 'nature'],
  },
  { kind: 'library', weight: 10, words: ['图书馆'], middles: ['', '少儿', '社区', '街道'], themes: ['reading'] },
  {
    kind: 'science_center',
    weight: 4,
    words: ['科技馆', '科普馆'],
    middles: ['', '青少年', '儿童', '航天'],
    themes: ['science'],
  },
  {
    kind: 'memorial_hall',
    weight: 5,
    words: ['纪念馆'],
    middles: ['革命', '抗战', '烈士', '名人'],
    themes: ['patriotism', 'culture_heritage'],
  },
  { kind: 'art_gallery', weight: 4, words: ['美术馆'], middles: ['', '当代', '书画'], themes: ['arts'] },
  {
    kind: 'cultural_center',
    weight: 6,
    words: ['文化馆', '文化中心'],
    middles: ['', '群众', '社区'],
    themes: ['arts', 'culture_heritage'],
  },
  {
    kind: 'heritage_hall',
    weight: 5,
    words: ['非遗馆', '非遗传习所'],
    middles: ['', '剪纸', '刺绣', '戏曲'],
    themes: ['culture_heritage'],
  },
  {
    kind: 'performance_venue',
    weight: 3,
    words: ['大剧院', '音乐厅'],
    middles: ['', '儿童', '少儿'],
    themes: ['arts'],
  },
  {
    kind: 'sports_venue',
    weight: 6,
    words: ['体育馆', '体育中心', '游泳馆'],
    middles: ['', '全民'],
    themes: ['sports'],
  },
  {
    kind: 'park',
    weight: 12,
    words: ['公园'],
    middles: ['湿地', '森林', '滨江', '人民', '植物', '郊野'],
    themes: ['nature'],
  },
  {
    kind: 'national_park',
    weight: 1,
    words: ['自然保护区', '国家森林公园'],
    middles: ['', '山地'],
    themes: ['nature'],
  },
  {
    kind: 'youth_palace',
    weight: 4,
    words: ['少年宫', '青少年宫'],
    middles: [''],
    themes: ['arts', 'science', 'sports'],
  },
  {
    kind: 'children_center',
    weight: 4,
    words: ['儿童活动中心', '妇女儿童活动中心'],
    middles: [''],
    themes: ['family_education', 'arts'],
  },
  {
    kind: 'education_base',
    weight: 4,
    words: ['爱国主义教育基地', '科普教育基地', '法治教育基地'],
    middles: [''],
    themes: ['patriotism', 'science', 'rule_of_law'],
  },
  {
    kind: 'practice_base',
    weight: 5,
    words: ['研学实践基地', '劳动教育实践基地'],
    middles: ['', '农业', '生态'],
    themes: ['labour', 'nature', 'safety'],
  },
  { kind: 'camp', weight: 2, words: ['营地', '研学营地'], middles: ['', '青少年'], themes: ['nature', 'sports'] },
  {
    kind: 'community_station',
    weight: 10,
    words: ['社区家庭教育指导站'],
    middles: ['东街', '西街', '南街', '北街', '新村', '花园'],
    themes: ['family_education', 'volunteering'],
  },
];

/** Road names for addresses. */
export const ROADS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '文化路',
  '学府路',
  '公园路',
  '滨河路',
  '新华街',
  '胜利街',
];
