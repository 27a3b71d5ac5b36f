import { describe, expect, it } from 'vitest';
import type { MyMembership, SchoolMember } from '$lib/manage/types';
import { awaitingDecision, schoolsToManage } from './memberships';

const membership = (over: Partial<MyMembership>): MyMembership => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: '测试小学',
  role: 'teacher',
  status: 'approved',
  verification_status: 'verified',
  lng: 116.417,
  lat: 39.928,
  ...over,
});

const member = (over: Partial<SchoolMember>): SchoolMember => ({
  user_id: '00000000-0000-4000-8000-000000000002',
  display_name: '李老师',
  email: 'li@example.test',
  role: 'teacher',
  status: 'pending',
  created_at: '2026-03-01T02:00:00.000Z',
  decided_at: null,
  ...over,
});

describe('schoolsToManage', () => {
  it('keeps only schools where the person is an approved school admin', () => {
    const managed = membership({ id: 'a', role: 'school_admin' });
    const all = [
      managed,
      membership({ id: 'b', role: 'school_admin', status: 'pending' }),
      membership({ id: 'c', role: 'teacher' }),
    ];
    expect(schoolsToManage(all)).toEqual([managed]);
    expect(schoolsToManage([])).toEqual([]);
  });
});

describe('awaitingDecision', () => {
  it('lists pending teachers only', () => {
    const waiting = member({ user_id: 'w' });
    const all = [
      waiting,
      member({ user_id: 'x', status: 'approved' }),
      member({ user_id: 'y', status: 'rejected' }),
      member({ user_id: 'z', role: 'school_admin', status: 'pending' }),
    ];
    expect(awaitingDecision(all)).toEqual([waiting]);
  });
});
