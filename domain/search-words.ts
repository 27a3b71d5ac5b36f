/**
 * Words people type for a kind or theme of venue (科技馆, 博物馆, library, science…): a search for one
 * of them finds venues of that kind or theme, after the venues whose names match. Compared whole, after
 * lower-casing and removing spaces; each Chinese word is also known by its full pinyin (kejiguan) and,
 * from three characters, by its initials (kjg).
 */
import { namePinyin } from './pinyin.ts';
import type { Theme, VenueKind } from './vocab.ts';

export interface KindMatch {
  kinds: VenueKind[];
  themes: Theme[];
}

const WORDS: { words: string[]; kinds?: VenueKind[]; themes?: Theme[] }[] = [
  { words: ['博物馆', '博物院', 'museum', 'museums'], kinds: ['museum'] },
  { words: ['图书馆', '书馆', 'library', 'libraries'], kinds: ['library'], themes: ['reading'] },
  { words: ['科技馆', '科学馆', '科学中心', '科普', 'science centre', 'science center'], kinds: ['science_center'] },
  { words: ['科学', '科技', 'science', 'stem'], kinds: ['science_center'], themes: ['science'] },
  { words: ['纪念馆', 'memorial', 'memorial hall'], kinds: ['memorial_hall'] },
  { words: ['美术馆', '艺术馆', 'art gallery', 'gallery', 'art'], kinds: ['art_gallery'], themes: ['arts'] },
  { words: ['艺术', 'arts'], kinds: ['art_gallery'], themes: ['arts'] },
  { words: ['文化馆', '文化中心', 'cultural centre', 'cultural center'], kinds: ['cultural_center'] },
  {
    words: ['非遗', '非遗馆', 'heritage', 'intangible heritage'],
    kinds: ['heritage_hall'],
    themes: ['culture_heritage'],
  },
  { words: ['剧院', '音乐厅', '演出', 'theatre', 'theater', 'concert hall'], kinds: ['performance_venue'] },
  { words: ['体育馆', '体育场', '运动', 'sports', 'stadium'], kinds: ['sports_venue'], themes: ['sports'] },
  { words: ['公园', 'park'], kinds: ['park', 'national_park'], themes: ['nature'] },
  { words: ['自然', 'nature'], kinds: ['park', 'national_park'], themes: ['nature'] },
  { words: ['少年宫', '青少年宫', 'youth palace'], kinds: ['youth_palace'] },
  { words: ['儿童活动中心', '儿童中心', "children's centre", 'children centre'], kinds: ['children_center'] },
  {
    words: ['研学', '研学基地', '实践基地', 'study trip', 'practice base'],
    kinds: ['practice_base', 'education_base'],
  },
  { words: ['教育基地', 'education base'], kinds: ['education_base'] },
  { words: ['营地', 'camp', 'camping'], kinds: ['camp'] },
  { words: ['爱国主义', '红色', 'patriotism'], themes: ['patriotism'] },
  { words: ['法治', 'rule of law'], themes: ['rule_of_law'] },
  { words: ['劳动', 'labour', 'labor'], themes: ['labour'] },
  { words: ['安全', 'safety'], themes: ['safety'] },
  { words: ['阅读', 'reading'], themes: ['reading'] },
];

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, '');

const BY_WORD = new Map<string, KindMatch>();
for (const entry of WORDS) {
  for (const word of entry.words) {
    const keys = [normalise(word)];
    if (/\p{Script=Han}/u.test(word)) {
      const { namePinyin: whole, nameInitials } = namePinyin(word);
      // Initials of three characters or more are distinctive enough (kjg, bwg, tsg); two are not.
      keys.push(whole, ...(nameInitials.length >= 3 ? [nameInitials] : []));
    }
    for (const key of keys) {
      const known = BY_WORD.get(key) ?? { kinds: [], themes: [] };
      BY_WORD.set(key, {
        kinds: [...new Set([...known.kinds, ...(entry.kinds ?? [])])],
        themes: [...new Set([...known.themes, ...(entry.themes ?? [])])],
      });
    }
  }
}

/** The kinds and themes a search text names, or undefined when it names none. */
export function kindMatchOf(q: string): KindMatch | undefined {
  return BY_WORD.get(normalise(q));
}
