import { describe, expect, it } from 'vitest';
import { draftOf, programmeChanges, yuanToFen } from './programme-form';
import type { ManagedProgramme } from './types';

const PROGRAMME: ManagedProgramme = {
  id: '00000000-0000-4000-8000-000000000001',
  venue_id: '00000000-0000-4000-8000-000000000002',
  title_zh: '青铜器里的中国',
  title_en: null,
  description: '讲解青铜器',
  delivery: 'on_site',
  themes: [],
  grade_min: null,
  grade_max: null,
  age_min: null,
  age_max: null,
  duration_minutes: null,
  group_min: null,
  group_max: null,
  price_per_head_fen: 1050,
  volunteer: false,
  status: 'published',
  review_note: null,
};

describe('programmeChanges', () => {
  it('answers null when the form is as loaded (the API refuses an empty change)', () => {
    expect(programmeChanges(PROGRAMME, draftOf(PROGRAMME))).toBeNull();
    expect(programmeChanges(PROGRAMME, { ...draftOf(PROGRAMME), title: '  青铜器里的中国 ' })).toBeNull();
  });

  it('sends only the fields that changed, the price in fen', () => {
    const draft = { ...draftOf(PROGRAMME), title: '青铜器里的中国（新版）', priceYuan: 0 };
    expect(programmeChanges(PROGRAMME, draft)).toEqual({ title_zh: '青铜器里的中国（新版）', price_per_head_fen: 0 });
    expect(programmeChanges(PROGRAMME, { ...draftOf(PROGRAMME), delivery: 'outreach' })).toEqual({
      delivery: 'outreach',
    });
  });

  it('clears a description with null and never sends a blank title', () => {
    expect(programmeChanges(PROGRAMME, { ...draftOf(PROGRAMME), description: '   ' })).toEqual({ description: null });
    expect(programmeChanges(PROGRAMME, { ...draftOf(PROGRAMME), title: ' ' })).toBeNull();
  });
});

describe('yuanToFen', () => {
  it('rounds to whole fen and treats empty or negative input as free', () => {
    expect(yuanToFen(10.5)).toBe(1050);
    expect(yuanToFen(0.015)).toBe(2);
    expect(yuanToFen(Number.NaN)).toBe(0);
    expect(yuanToFen(-3)).toBe(0);
  });
});
