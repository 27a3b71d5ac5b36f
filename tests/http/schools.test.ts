import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { addSchoolMember } from '../../db/queries/schools.ts';
import { auditLog, outboxMessages, schoolMembers } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildPendingTeacher, buildSchool, DONGCHENG, XICHENG } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

interface Member {
  user_id: string;
  role: string;
  status: string;
  decided_at: string | null;
}

describe.each(testEngines())('schools on %s', (engine) => {
  let database: Database;
  let app: App;
  let schoolId: string;
  let otherSchoolId: string;
  let schoolAdmin: TestActor;
  let otherAdmin: TestActor;
  let admin: TestActor;
  const tag = randomUUID().slice(0, 6);

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    schoolId = (await buildSchool(database.db, { name: `开门测试实验小学${tag}`, adcode: '110101' })).id;
    otherSchoolId = (await buildSchool(database.db, { name: `Kaimen Test Middle School ${tag}`, adcode: '110102' })).id;
    schoolAdmin = await createActor(database, { role: 'school_admin', schoolId });
    otherAdmin = await createActor(database, { role: 'school_admin', schoolId: otherSchoolId });
    admin = await createActor(database, { role: 'admin' });
  });

  const as = (actor: TestActor | undefined, method: 'GET' | 'POST', url: string) => injectAs(app, actor, method, url);
  const pendingTeacher = (school = schoolId) => buildPendingTeacher(database, school);

  it('finds schools by any part of the name, in any case, without signing in', async () => {
    const res = await app.inject(`/api/schools?q=${encodeURIComponent(`middle school ${tag}`)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      items: [
        {
          id: otherSchoolId,
          name: `Kaimen Test Middle School ${tag}`,
          adcode: '110102',
          verification_status: 'pending',
        },
      ],
    });
    const zh = await app.inject(`/api/schools?q=${encodeURIComponent(`实验小学${tag}`)}`);
    expect(zh.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([schoolId]);
    expect((await app.inject('/api/schools?limit=1')).json<{ items: unknown[] }>().items).toHaveLength(1);
    for (const [query, code] of [
      ['limit=0', 'INVALID_LIMIT'],
      ['limit=51', 'INVALID_LIMIT'],
      ['q=', 'INVALID_QUERY'],
      ['q=' + 'x'.repeat(101), 'INVALID_QUERY'],
    ] as const) {
      const bad = await app.inject(`/api/schools?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code } });
    }
  });

  it("lists a school's members, pending first, to its school admins and admins only", async () => {
    const teacher = await pendingTeacher();
    const res = await as(schoolAdmin, 'GET', `/api/schools/${schoolId}/members`);
    expect(res.statusCode, res.body).toBe(200);
    const { school, members } = res.json<{ school: { id: string }; members: Member[] }>();
    expect(school.id).toBe(schoolId);
    expect(members[0]).toMatchObject({ status: 'pending' });
    expect(members.map((m) => m.user_id)).toEqual(expect.arrayContaining([teacher.user.id, schoolAdmin.user.id]));
    expect((await as(admin, 'GET', `/api/schools/${schoolId}/members`)).statusCode).toBe(200);

    const other = await as(otherAdmin, 'GET', `/api/schools/${schoolId}/members`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'NOT_YOUR_SCHOOL' } });
    expect((await as(teacher, 'GET', `/api/schools/${schoolId}/members`)).json()).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect((await as(undefined, 'GET', `/api/schools/${schoolId}/members`)).statusCode).toBe(401);
    const unknown = await as(admin, 'GET', `/api/schools/${randomUUID()}/members`);
    expect(unknown.json()).toMatchObject({ error: { code: 'SCHOOL_NOT_FOUND' } });
  });

  it('a school admin approves a pending teacher: the teacher is told, the decision audited with the district', async () => {
    const teacher = await pendingTeacher();
    const url = `/api/schools/${schoolId}/members/${teacher.user.id}/approve`;
    const res = await as(schoolAdmin, 'POST', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Member>()).toMatchObject({ user_id: teacher.user.id, role: 'teacher', status: 'approved' });
    expect(res.json<Member>().decided_at).not.toBeNull();
    const [row] = await database.db
      .select()
      .from(schoolMembers)
      .where(and(eq(schoolMembers.schoolId, schoolId), eq(schoolMembers.userId, teacher.user.id)));
    expect(row).toMatchObject({ status: 'approved', decidedBy: schoolAdmin.user.id });
    const messages = await database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, teacher.user.email), eq(outboxMessages.topic, 'membership_reviewed')));
    expect(messages.map((m) => m.data)).toEqual([{ school_id: schoolId, outcome: 'approved' }]);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `${schoolId}:${teacher.user.id}`));
    expect(entry).toMatchObject({
      action: 'school_member.approve',
      adcode: '110101',
      before: { status: 'pending' },
      after: { status: 'approved' },
    });

    const again = await as(schoolAdmin, 'POST', url);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'MEMBERSHIP_NOT_PENDING' } });
  });

  it('rejects a pending teacher; refuses other schools, unknown members and school admin memberships', async () => {
    const teacher = await pendingTeacher();
    const base = `/api/schools/${schoolId}/members`;
    const outsider = await as(otherAdmin, 'POST', `${base}/${teacher.user.id}/reject`);
    expect(outsider.json()).toMatchObject({ error: { code: 'NOT_YOUR_SCHOOL' } });
    const unknown = await as(schoolAdmin, 'POST', `${base}/${randomUUID()}/approve`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'MEMBERSHIP_NOT_FOUND' } });
    const badId = await as(schoolAdmin, 'POST', `${base}/nobody/approve`);
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ error: { code: 'INVALID_ID' } });
    const candidate = await createActor(database, { role: 'school_admin' });
    await addSchoolMember(database.db, { schoolId, userId: candidate.user.id, role: 'school_admin' });
    const peer = await as(schoolAdmin, 'POST', `${base}/${candidate.user.id}/approve`);
    expect(peer.json()).toMatchObject({ error: { code: 'NOT_YOUR_SCHOOL' } });
    expect((await as(admin, 'POST', `${base}/${candidate.user.id}/approve`)).statusCode).toBe(200);

    const res = await as(schoolAdmin, 'POST', `${base}/${teacher.user.id}/reject`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Member>()).toMatchObject({ status: 'rejected' });
    const pendingOnOtherSchool = await pendingTeacher(otherSchoolId);
    const crossed = await as(schoolAdmin, 'POST', `${base}/${pendingOnOtherSchool.user.id}/approve`);
    expect(crossed.json()).toMatchObject({ error: { code: 'MEMBERSHIP_NOT_FOUND' } });
  });
});

interface SchoolJson {
  id: string;
  name: string;
  adcode: string | null;
  district_name: string | null;
  lng: number | null;
  lat: number | null;
  verification_status: string;
  review_note?: string | null;
  contact_name?: string | null;
}

const PUBLIC_KEYS = [
  'address_en',
  'address_zh',
  'adcode',
  'created_at',
  'district_name',
  'grades',
  'id',
  'kind',
  'lat',
  'lng',
  'name',
  'name_en',
  'source',
  'updated_at',
  'verification_status',
  'verified_at',
].sort();
const FULL_KEYS = [
  ...PUBLIC_KEYS,
  'contact_email',
  'contact_name',
  'contact_phone',
  'pupil_count',
  'review_note',
].sort();

/** A point `metres` east of `from`, roughly. */
const east = (from: { lng: number; lat: number }, metres: number) => ({
  lng: from.lng + metres / (111_320 * Math.cos((from.lat * Math.PI) / 180)),
  lat: from.lat,
});

describe.each(testEngines())('the school lifecycle over HTTP on %s', (engine) => {
  let database: Database;
  let app: App;
  let schoolAdmin: TestActor;
  let claimant: TestActor;
  let bureau: TestActor;
  let xichengBureau: TestActor;
  let shanghaiBureau: TestActor;
  let admin: TestActor;
  const tag = randomUUID().slice(0, 6);

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    schoolAdmin = await createActor(database, { role: 'school_admin' });
    claimant = await createActor(database, { role: 'school_admin' });
    bureau = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    xichengBureau = await createActor(database, { role: 'bureau', regionPrefix: '110102' });
    shanghaiBureau = await createActor(database, { role: 'bureau', regionPrefix: '31' });
    admin = await createActor(database, { role: 'admin' });
  });

  const as = (actor: TestActor | undefined, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    injectAs(app, actor, method, url, payload);
  const newSchool = (overrides: Record<string, unknown> = {}) => ({
    name: `东城测试小学${tag}${randomUUID().slice(0, 4)}`,
    name_en: `Dongcheng Test Primary ${tag}`,
    kind: 'primary',
    grades: [1, 2, 3, 4, 5, 6],
    adcode: '110101',
    lng: DONGCHENG.lng,
    lat: DONGCHENG.lat,
    contact_name: '张老师',
    contact_phone: '010-6512 3456',
    pupil_count: 800,
    ...overrides,
  });
  async function registered(actor = schoolAdmin, overrides: Record<string, unknown> = {}): Promise<SchoolJson> {
    const res = await as(actor, 'POST', '/api/schools', newSchool(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SchoolJson>();
  }
  async function verified(overrides: Record<string, unknown> = {}): Promise<SchoolJson> {
    const school = await registered(schoolAdmin, overrides);
    const res = await as(bureau, 'POST', `/api/bureau/schools/${school.id}/verify`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SchoolJson>();
  }

  it('a school admin signs up without a school', async () => {
    const res = await as(undefined, 'POST', '/api/auth/register', {
      email: `head-${tag}@test.kaimen`,
      password: 'a long enough passphrase',
      display_name: '孙校长',
      role: 'school_admin',
    });
    expect(res.statusCode, res.body).toBe(202);
    const signedIn = await as(undefined, 'POST', '/api/auth/login', {
      email: `head-${tag}@test.kaimen`,
      password: 'a long enough passphrase',
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({ role: 'school_admin', schools: [] });
  });

  it('POST /api/schools answers 201 with the full, pending school; the registrant is its admin in /api/me', async () => {
    const res = await as(schoolAdmin, 'POST', '/api/schools', newSchool({ grades: [6, 5, 4, 3, 2, 1] }));
    expect(res.statusCode, res.body).toBe(201);
    const school = res.json<SchoolJson & { grades: number[] }>();
    expect(Object.keys(school).sort()).toEqual(FULL_KEYS);
    expect(school).toMatchObject({
      adcode: '110101',
      district_name: '东城区',
      verification_status: 'pending',
      contact_name: '张老师',
      pupil_count: 800,
      review_note: null,
      source: 'kaimen-console',
      grades: [1, 2, 3, 4, 5, 6],
    });
    expect(school.lng).toBeCloseTo(DONGCHENG.lng, 6);
    const me = await as(schoolAdmin, 'GET', '/api/me');
    expect(me.json<{ schools: unknown[] }>().schools).toContainEqual({
      id: school.id,
      name: school.name,
      role: 'school_admin',
      status: 'approved',
      verification_status: 'pending',
      lng: school.lng,
      lat: school.lat,
    });
    const managed = await as(schoolAdmin, 'GET', '/api/manage/schools');
    expect(managed.json<{ items: SchoolJson[] }>().items.map((s) => s.id)).toContain(school.id);
  });

  it('POST /api/schools answers bad input with 400 and a stable code, and other roles with 403', async () => {
    for (const [overrides, code] of [
      [{ grades: [13] }, 'INVALID_GRADES'],
      [{ grades: [1, 1] }, 'INVALID_GRADES'],
      [{ kind: 'university' }, 'INVALID_SCHOOL_KIND'],
      [{ adcode: '310101' }, 'ADCODE_MISMATCH'],
      [{ adcode: '999999' }, 'UNKNOWN_ADCODE'],
      [{ contact_name: ' ' }, 'INVALID_CONTACT'],
      [{ contact_email: 'nope' }, 'INVALID_CONTACT'],
      [{ lng: 200 }, 'INVALID_COORDINATES'],
      [{ crs: 'wgs' }, 'INVALID_CRS'],
      [{ name: '' }, 'INVALID_NAME'],
      [{ pupil_count: -1 }, 'INVALID_PUPIL_COUNT'],
    ] as const) {
      const res = await as(schoolAdmin, 'POST', '/api/schools', newSchool(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json(), JSON.stringify(overrides)).toMatchObject({ error: { code } });
    }
    const teacher = await createActor(database, { role: 'teacher' });
    expect((await as(teacher, 'POST', '/api/schools', newSchool())).statusCode).toBe(403);
    expect((await as(bureau, 'POST', '/api/schools', newSchool())).statusCode).toBe(403);
  });

  it('GET /api/schools finds pending and verified schools, never rejected ones, by name or nearest first', async () => {
    const pending = await registered(schoolAdmin, { name: `寻找测试甲${tag}` });
    const verifiedSchool = await verified({ name: `寻找测试乙${tag}`, ...east(DONGCHENG, 1200) });
    const rejected = await registered(schoolAdmin, { name: `寻找测试丙${tag}` });
    const refused = await as(bureau, 'POST', `/api/bureau/schools/${rejected.id}/reject`, { reason: '查无此校' });
    expect(refused.json()).toMatchObject({ verification_status: 'rejected', review_note: '查无此校' });

    const found = await app.inject(`/api/schools?q=${encodeURIComponent(`寻找测试`)}${encodeURIComponent(tag)}`);
    expect(found.statusCode).toBe(200);
    expect(found.json<{ items: SchoolJson[] }>().items).toEqual([]);
    const res = await app.inject(`/api/schools?q=${encodeURIComponent('寻找测试')}&limit=50`);
    const items = res.json<{ items: (SchoolJson & Record<string, unknown>)[] }>().items;
    const ids = items.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([pending.id, verifiedSchool.id]));
    expect(ids).not.toContain(rejected.id);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    expect(items.find((s) => s.id === pending.id)).toMatchObject({ verification_status: 'pending' });

    const near = east(DONGCHENG, 1200);
    const nearest = await app.inject(`/api/schools?q=${encodeURIComponent('寻找测试')}&near=${near.lng},${near.lat}`);
    expect(nearest.json<{ items: SchoolJson[] }>().items[0]!.id).toBe(verifiedSchool.id);
    const byEnglish = await app.inject(`/api/schools?q=${encodeURIComponent(`dongcheng test primary ${tag}`)}`);
    expect(byEnglish.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    for (const near of ['200,40', 'x', '116.4']) {
      const bad = await app.inject(`/api/schools?near=${near}`);
      expect(bad.statusCode, near).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'INVALID_NEAR' } });
    }
  });

  it('GET /api/schools/{id}: the public form for anyone, the full form for its admins, its bureau and admins', async () => {
    const school = await registered();
    const keysFor = async (actor: TestActor | undefined) => {
      const res = await as(actor, 'GET', `/api/schools/${school.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return Object.keys(res.json<object>()).sort();
    };
    expect(await keysFor(undefined)).toEqual(PUBLIC_KEYS);
    expect(await keysFor(claimant)).toEqual(PUBLIC_KEYS);
    expect(await keysFor(shanghaiBureau)).toEqual(PUBLIC_KEYS);
    expect(await keysFor(schoolAdmin)).toEqual(FULL_KEYS);
    expect(await keysFor(bureau)).toEqual(FULL_KEYS);
    expect(await keysFor(admin)).toEqual(FULL_KEYS);
    expect((await app.inject(`/api/schools/${randomUUID()}`)).json()).toMatchObject({
      error: { code: 'SCHOOL_NOT_FOUND' },
    });
    expect((await app.inject('/api/schools/nope')).json()).toMatchObject({ error: { code: 'INVALID_ID' } });

    await as(bureau, 'POST', `/api/bureau/schools/${school.id}/reject`, { reason: '资料不全' });
    expect((await app.inject(`/api/schools/${school.id}`)).statusCode).toBe(404);
    expect((await as(schoolAdmin, 'GET', `/api/schools/${school.id}`)).json()).toMatchObject({
      verification_status: 'rejected',
      review_note: '资料不全',
    });
  });

  it('the bureau queue lists pending schools and school claims of its region only; verify is refused outside it', async () => {
    const school = await registered();
    const claim = await as(claimant, 'POST', `/api/schools/${school.id}/claims`, { evidence: '副校长，任命书 12 号' });
    expect(claim.statusCode, claim.body).toBe(201);
    const queue = await as(bureau, 'GET', '/api/bureau/queue');
    const { schools: queued, school_claims: claims } = queue.json<{
      schools: SchoolJson[];
      school_claims: { id: string; school: SchoolJson; claimant: { id: string }; evidence: string }[];
    }>();
    expect(queued.find((s) => s.id === school.id)).toMatchObject({ contact_name: '张老师' });
    expect(claims.find((c) => c.id === claim.json<{ id: string }>().id)).toMatchObject({
      school: { id: school.id, contact_name: '张老师' },
      claimant: { id: claimant.user.id },
      evidence: '副校长，任命书 12 号',
    });
    const elsewhere = (await as(shanghaiBureau, 'GET', '/api/bureau/queue')).json<{
      schools: SchoolJson[];
      school_claims: unknown[];
    }>();
    expect(elsewhere.schools.map((s) => s.id)).not.toContain(school.id);
    expect(elsewhere.school_claims).toEqual([]);

    for (const url of [`/api/bureau/schools/${school.id}/verify`, `/api/bureau/schools/${school.id}/reject`]) {
      const res = await as(shanghaiBureau, 'POST', url, url.endsWith('reject') ? { reason: '不在辖区' } : undefined);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
    }
    const claimId = claim.json<{ id: string }>().id;
    const foreign = await as(shanghaiBureau, 'POST', `/api/bureau/school-claims/${claimId}/approve`);
    expect(foreign.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });

    const res = await as(bureau, 'POST', `/api/bureau/schools/${school.id}/verify`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verification_status: 'verified', review_note: null });
    expect(res.json<{ verified_at: string | null }>().verified_at).not.toBeNull();
    const again = await as(bureau, 'POST', `/api/bureau/schools/${school.id}/verify`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'SCHOOL_NOT_PENDING' } });
    const noReason = await as(bureau, 'POST', `/api/bureau/schools/${school.id}/reject`, { reason: '  ' });
    expect(noReason.json()).toMatchObject({ error: { code: 'INVALID_REASON' } });
    const [message] = await database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, schoolAdmin.user.email), eq(outboxMessages.topic, 'school_reviewed')));
    expect(message).toBeDefined();
  });

  it('claims: 201, then CLAIM_PENDING, ALREADY_MEMBER for its admins; approval makes the claimant an admin', async () => {
    const school = await verified();
    const url = `/api/schools/${school.id}/claims`;
    const first = await as(claimant, 'POST', url, { evidence: '教务主任' });
    expect(first.statusCode, first.body).toBe(201);
    const claim = first.json<{ id: string }>();
    expect(Object.keys(claim).sort()).toEqual(
      ['created_at', 'decided_at', 'evidence', 'id', 'reason', 'school_id', 'status'].sort(),
    );
    expect(claim).toMatchObject({ school_id: school.id, status: 'pending', evidence: '教务主任' });
    expect((await as(claimant, 'POST', url, { evidence: '再次' })).json()).toMatchObject({
      error: { code: 'CLAIM_PENDING' },
    });
    expect((await as(schoolAdmin, 'POST', url, { evidence: '我就是' })).json()).toMatchObject({
      error: { code: 'ALREADY_MEMBER' },
    });
    expect((await as(claimant, 'POST', url, { evidence: '' })).json()).toMatchObject({
      error: { code: 'INVALID_EVIDENCE' },
    });
    expect((await as(claimant, 'POST', `/api/schools/${randomUUID()}/claims`, { evidence: 'x' })).statusCode).toBe(404);
    const mine = (await as(claimant, 'GET', '/api/manage/schools')).json<{
      items: SchoolJson[];
      claims: { id: string; school: { id: string; name: string }; status: string }[];
    }>();
    expect(mine.claims).toContainEqual(
      expect.objectContaining({ id: claim.id, school: { id: school.id, name: school.name }, status: 'pending' }),
    );
    expect(mine.items.map((s) => s.id)).not.toContain(school.id);

    const approved = await as(bureau, 'POST', `/api/bureau/school-claims/${claim.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: claim.id, status: 'approved' });
    const after = (await as(claimant, 'GET', '/api/manage/schools')).json<{ items: SchoolJson[] }>();
    expect(after.items.map((s) => s.id)).toContain(school.id);
    const twice = await as(bureau, 'POST', `/api/bureau/school-claims/${claim.id}/reject`, { reason: '晚了' });
    expect(twice.json()).toMatchObject({ error: { code: 'CLAIM_NOT_PENDING' } });
  });

  it('a teacher may join a pending school, not a rejected one', async () => {
    const pending = await registered();
    const rejected = await registered();
    await as(bureau, 'POST', `/api/bureau/schools/${rejected.id}/reject`, { reason: '重复登记' });
    const email = `t-${randomUUID()}@test.kaimen`;
    const signUp = (schoolId: string) =>
      as(undefined, 'POST', '/api/auth/register', {
        email,
        password: 'a long enough passphrase',
        display_name: '周老师',
        role: 'teacher',
        school_id: schoolId,
      });
    const answer = await signUp(pending.id);
    expect(answer.statusCode, answer.body).toBe(202);
    const joined = await as(undefined, 'POST', '/api/auth/login', { email, password: 'a long enough passphrase' });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({
      schools: [{ id: pending.id, role: 'teacher', status: 'pending', verification_status: 'pending' }],
    });
    const refused = await signUp(rejected.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'SCHOOL_REJECTED' } });
  });

  it('PATCH: a verified school moved over 500 m goes back to review; into another district, both bureaus see it', async () => {
    const school = await verified();
    const near = await as(schoolAdmin, 'PATCH', `/api/schools/${school.id}`, east(DONGCHENG, 100));
    expect(near.json()).toMatchObject({ verification_status: 'verified' });
    const far = await as(schoolAdmin, 'PATCH', `/api/schools/${school.id}`, east(DONGCHENG, 900));
    expect(far.statusCode, far.body).toBe(200);
    expect(far.json()).toMatchObject({ verification_status: 'pending', verified_at: null });
    expect(far.json<SchoolJson>().review_note).toMatch(/the point moved \d+ m/);
    const queued = (await as(bureau, 'GET', '/api/bureau/queue')).json<{ schools: SchoolJson[] }>();
    expect(queued.schools.map((s) => s.id)).toContain(school.id);

    const other = await verified();
    const moved = await as(schoolAdmin, 'PATCH', `/api/schools/${other.id}`, {
      adcode: XICHENG.adcode,
      lng: XICHENG.lng,
      lat: XICHENG.lat,
    });
    expect(moved.json()).toMatchObject({
      adcode: XICHENG.adcode,
      district_name: '西城区',
      verification_status: 'pending',
    });
    for (const reader of [bureau, xichengBureau]) {
      const audit = await as(reader, 'GET', `/api/audit?entity_type=school&entity_id=${other.id}`);
      expect(audit.statusCode, audit.body).toBe(200);
      const actions = audit.json<{ items: { action: string }[] }>().items.map((e) => e.action);
      expect(actions, reader.user.regionPrefix ?? '').toEqual(
        expect.arrayContaining([reader === bureau ? 'school.move_out' : 'school.update']),
      );
    }
    // The bureau of the district it moved to now decides it; the one it left no longer may.
    const leftBehind = await as(bureau, 'POST', `/api/bureau/schools/${other.id}/verify`);
    expect(leftBehind.json()).toMatchObject({ error: { code: 'OUTSIDE_REGION' } });
    expect((await as(xichengBureau, 'POST', `/api/bureau/schools/${other.id}/verify`)).statusCode).toBe(200);

    for (const [body, code] of [
      [{}, 'EMPTY_PATCH'],
      [{ lng: 116.4 }, 'VALIDATION_FAILED'],
      [{ grades: [-1] }, 'INVALID_GRADES'],
      [{ adcode: '310101' }, 'ADCODE_MISMATCH'],
    ] as const) {
      const res = await as(schoolAdmin, 'PATCH', `/api/schools/${school.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ error: { code } });
    }
    const outsider = await as(claimant, 'PATCH', `/api/schools/${school.id}`, { name_en: 'Mine' });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json()).toMatchObject({ error: { code: 'NOT_YOUR_SCHOOL' } });
  });
});
