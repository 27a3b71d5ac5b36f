import { describe, expect, it } from 'vitest';
import { createBody, draftOf, emptyDraft, gradesOf, patchBody, type SchoolDraft } from './school-form';
import type { SchoolRecord } from './types';

const filled = (over: Partial<SchoolDraft> = {}): SchoolDraft => ({
  ...emptyDraft(),
  name: ' 东城测试小学 ',
  kind: 'primary',
  grades: [3, 1, 2],
  lng: 116.417,
  lat: 39.928,
  contactName: '王老师',
  ...over,
});

const saved: SchoolRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '东城测试小学',
  name_en: null,
  kind: 'primary',
  grades: [1, 2, 3],
  adcode: '110101',
  district_name: '东城区',
  lng: 116.417,
  lat: 39.928,
  address_zh: null,
  address_en: null,
  pupil_count: null,
  verification_status: 'verified',
  review_note: null,
  verified_at: '2026-12-01T00:00:00.000Z',
  source: 'kaimen-console',
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-01T00:00:00.000Z',
  contact_name: '王老师',
  contact_phone: null,
  contact_email: null,
};

describe('gradesOf', () => {
  it('presets the grades a kind of school serves, as a list the form may change', () => {
    expect(gradesOf('junior_secondary')).toEqual([7, 8, 9]);
    expect(gradesOf('kindergarten')).toEqual([0]);
    const grades = gradesOf('primary');
    grades.push(7);
    expect(gradesOf('primary')).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('createBody', () => {
  it('trims, sorts the grades and leaves out what is empty', () => {
    expect(createBody(filled())).toEqual({
      name: '东城测试小学',
      kind: 'primary',
      grades: [1, 2, 3],
      lng: 116.417,
      lat: 39.928,
      crs: 'wgs84',
      contact_name: '王老师',
    });
    expect(createBody(filled({ adcode: '110101' }))).toMatchObject({ adcode: '110101' });
    expect(createBody(filled({ pupilCount: '480', contactPhone: ' 010-6512 ', crs: 'gcj02' }))).toMatchObject({
      pupil_count: 480,
      contact_phone: '010-6512',
      crs: 'gcj02',
    });
  });

  it('names the first thing missing, in the order of the form', () => {
    expect(createBody(emptyDraft())).toBe('needName');
    expect(createBody(filled({ kind: '' }))).toBe('needKind');
    expect(createBody(filled({ grades: [] }))).toBe('needGrades');
    expect(createBody(filled({ lng: null }))).toBe('needPoint');
    expect(createBody(filled({ lat: Number.NaN }))).toBe('needPoint');
    expect(createBody(filled({ pupilCount: '-3' }))).toBe('badPupils');
    expect(createBody(filled({ pupilCount: '12.5' }))).toBe('badPupils');
    expect(createBody(filled({ contactName: ' ' }))).toBe('needContact');
  });
});

describe('patchBody', () => {
  it('is empty when nothing changed', () => {
    expect(patchBody(saved, draftOf(saved))).toEqual({});
  });

  it('sends only what changed; a cleared field is null; the point goes with its system', () => {
    const draft = { ...draftOf(saved), name: '东城测试实验小学', pupilCount: 500, addressZh: '东城区某路 1 号' };
    expect(patchBody(saved, draft)).toEqual({
      name: '东城测试实验小学',
      pupil_count: 500,
      address_zh: '东城区某路 1 号',
    });
    const cleared = { ...draftOf({ ...saved, contact_phone: '010-1234' }), contactPhone: '' };
    expect(patchBody({ ...saved, contact_phone: '010-1234' }, cleared)).toEqual({ contact_phone: null });
    expect(patchBody(saved, { ...draftOf(saved), lng: 116.42 })).toEqual({ lng: 116.42, lat: 39.928, crs: 'wgs84' });
    expect(patchBody(saved, { ...draftOf(saved), adcode: '110101' })).toEqual({});
    expect(patchBody(saved, { ...draftOf(saved), adcode: '110102' })).toEqual({ adcode: '110102' });
  });
});
