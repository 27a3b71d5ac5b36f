import { describe, expect, it } from 'vitest';
import { langQuery, parseLang, withLang } from './lang';

describe('withLang', () => {
  it('adds lang=en to a bare path and keeps the rest of the query and the fragment', () => {
    expect(withLang('/manage', 'en')).toBe('/manage?lang=en');
    expect(withLang('/audit?entity_type=venue&entity_id=x#list', 'en')).toBe(
      '/audit?entity_type=venue&entity_id=x&lang=en#list',
    );
  });

  it('replaces a language already there, and takes it out for Chinese (the default)', () => {
    expect(withLang('/bureau?lang=fr', 'en')).toBe('/bureau?lang=en');
    expect(withLang('/bureau?lang=en', 'zh-CN')).toBe('/bureau');
    expect(withLang('/audit?lang=en&entity_type=venue', 'zh-CN')).toBe('/audit?entity_type=venue');
    expect(withLang('/', 'zh-CN')).toBe('/');
  });

  it('round-trips with parseLang', () => {
    const query = withLang('/school', 'en').split('?')[1];
    expect(parseLang(new URLSearchParams(query).get('lang'))).toBe('en');
  });
});

describe('langQuery', () => {
  it('is ?lang=en for English and nothing for Chinese', () => {
    expect(langQuery('en')).toBe('?lang=en');
    expect(langQuery('zh-CN')).toBe('');
  });
});
