import { describe, expect, it } from 'vitest';
import type { MyMembership } from '$lib/manage/types';
import { schoolStart } from './school-start';

const membership = (over: Partial<MyMembership>): MyMembership => ({
  id: 'school-a',
  name: '东城测试小学',
  role: 'teacher',
  status: 'approved',
  verification_status: 'verified',
  lng: 116.417,
  lat: 39.928,
  ...over,
});

describe('schoolStart', () => {
  it('starts a teacher at their school point', () => {
    expect(schoolStart({ schools: [membership({})] })).toEqual({
      id: 'school-a',
      name: '东城测试小学',
      point: [116.417, 39.928],
    });
  });

  it('is null for nobody, for no memberships, and for a school without a point', () => {
    expect(schoolStart(null)).toBeNull();
    expect(schoolStart({ schools: [] })).toBeNull();
    expect(schoolStart({ schools: [membership({ lng: null, lat: null })] })).toBeNull();
  });

  it('skips rejected memberships and prefers an approved teacher membership', () => {
    const schools = [
      membership({ id: 'rejected', status: 'rejected' }),
      membership({ id: 'pending', status: 'pending' }),
      membership({ id: 'admin', role: 'school_admin' }),
      membership({ id: 'teacher' }),
    ];
    expect(schoolStart({ schools })?.id).toBe('teacher');
    expect(schoolStart({ schools: schools.slice(0, 2) })?.id).toBe('pending');
    expect(schoolStart({ schools: [schools[0]!] })).toBeNull();
  });
});
