/**
 * A venue name's pinyin (pinyin-pro, which reads polyphones in context: 重庆 is chong qing), derived
 * where a name is written and stored beside it, so search can match "kejiguan" and "kjg" with the same
 * gram index as the name, and the name order can follow pinyin instead of character codes.
 */
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  /** Whole syllables without tones or spaces, lower case: 中国科学技术馆 → zhongguokexuejishuguan. */
  namePinyin: string;
  /** First letters of the syllables: zgkxjsg. Letters and digits that are not Chinese stay whole. */
  nameInitials: string;
  /** The order key: syllables separated by spaces (so 安 "an" sorts before 昂 "ang"). */
  nameSort: string;
}

/** The pinyin of a name; characters that are not Chinese (Latin words, digits) are kept, lower-cased. */
export function namePinyin(name: string): NamePinyin {
  const text = name.trim().toLowerCase();
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map(compact)
    .filter((s) => s !== '');
  const initials = pinyin(text, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
  })
    .map(compact)
    .filter((s) => s !== '');
  return {
    namePinyin: compact(syllables.join('')),
    nameInitials: compact(initials.join('')),
    nameSort: syllables.join(' '),
  };
}

/** Letters and digits only: punctuation and spaces are not typed when searching by pinyin. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}
