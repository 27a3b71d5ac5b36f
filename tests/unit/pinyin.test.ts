import { describe, expect, it } from 'vitest';
import { namePinyin } from '../../domain/pinyin.ts';
import { kindMatchOf } from '../../domain/search-words.ts';

describe('namePinyin', () => {
  it('gives whole syllables, initials and the order key, reading polyphones in context', () => {
    expect(namePinyin('中国科学技术馆')).toEqual({
      namePinyin: 'zhongguokexuejishuguan',
      nameInitials: 'zgkxjsg',
      nameSort: 'zhong guo ke xue ji shu guan',
    });
    expect(namePinyin('重庆市少年宫').namePinyin).toBe('chongqingshishaoniangong');
    expect(namePinyin('长城博物馆').nameInitials).toBe('ccbwg');
  });

  it('keeps Latin words and digits, lower-cased, and drops punctuation', () => {
    expect(namePinyin('北京798艺术区（东区）')).toEqual({
      namePinyin: 'beijing798yishuqudongqu',
      nameInitials: 'bj798ysqdq',
      nameSort: 'bei jing 798 yi shu qu dong qu',
    });
    expect(namePinyin('故宫博物院 Palace Museum').namePinyin).toBe('gugongbowuyuanpalacemuseum');
  });

  it('orders syllable by syllable: 安 (an) before 昂 (ang)', () => {
    expect(namePinyin('安徽博物院').nameSort < namePinyin('昂昂溪').nameSort).toBe(true);
  });
});

describe('kindMatchOf', () => {
  it('knows kind and theme words in Chinese, English, full pinyin and three-letter initials', () => {
    for (const q of ['科技馆', 'kejiguan', 'kjg', 'Science Centre']) {
      expect(kindMatchOf(q)?.kinds, q).toContain('science_center');
    }
    expect(kindMatchOf('library')).toEqual({ kinds: ['library'], themes: ['reading'] });
    expect(kindMatchOf('博物馆')?.kinds).toEqual(['museum']);
  });

  it('answers nothing for other text and for two-letter initials', () => {
    expect(kindMatchOf('故宫')).toBeUndefined();
    expect(kindMatchOf('kx')).toBeUndefined();
  });
});
