import { describe, expect, it } from 'vitest';
import { groupPlan, groupSchools, type Membership } from './group';

const slot = (school: number, pub: number, approval: 'none' | 'groups' | 'all' = 'groups', groupsUsePublic = true) => ({
  places_left: { total: school + pub, school, public: pub },
  approval,
  groups_use_public: groupsUsePublic,
});

const membership = (overrides: Partial<Membership>): Membership => ({
  id: 's1',
  name: '开门小学',
  role: 'teacher',
  status: 'approved',
  verification_status: 'verified',
  lng: null,
  lat: null,
  ...overrides,
});

describe('groupSchools', () => {
  it('lists the confirmed memberships of teachers and school admins only', () => {
    const schools = [membership({ id: 'a' }), membership({ id: 'b', status: 'pending' })];
    expect(groupSchools({ role: 'teacher', schools }).map((s) => s.id)).toEqual(['a']);
    expect(groupSchools({ role: 'school_admin', schools }).map((s) => s.id)).toEqual(['a']);
    expect(groupSchools({ role: 'parent', schools })).toEqual([]);
    expect(groupSchools(null)).toEqual([]);
  });
});

describe('groupPlan', () => {
  it('takes the green channel first for a verified school, then public places', () => {
    expect(groupPlan(slot(40, 20), { pupils: 30, adults: 3 }, true)).toEqual({
      split: { school: 33, public: 0 },
      room: 60,
      approval: true,
      greenChannel: true,
    });
    expect(groupPlan(slot(20, 20), { pupils: 30, adults: 3 }, true).split).toEqual({ school: 20, public: 13 });
  });

  it('an unverified school takes public places only', () => {
    const plan = groupPlan(slot(40, 20), { pupils: 15, adults: 2 }, false);
    expect(plan).toMatchObject({ split: { school: 0, public: 17 }, room: 20, greenChannel: false });
  });

  it('says when the class does not fit whole, and how many it could', () => {
    expect(groupPlan(slot(20, 20, 'groups', false), { pupils: 30, adults: 3 }, true)).toMatchObject({
      split: null,
      room: 20,
    });
    expect(groupPlan(slot(0, 0), { pupils: 0, adults: 0 }, true).split).toBeNull();
  });

  it('follows the approval policy: groups and all wait for the venue, none does not', () => {
    expect(groupPlan(slot(40, 0, 'none'), { pupils: 1, adults: 1 }, true).approval).toBe(false);
    expect(groupPlan(slot(40, 0, 'all'), { pupils: 1, adults: 1 }, true).approval).toBe(true);
  });
});
