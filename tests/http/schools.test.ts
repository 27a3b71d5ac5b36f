import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { addSchoolMember } from '../../db/queries/schools.ts';
import { auditLog, outboxMessages, schoolMembers } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildPendingTeacher, buildSchool } from '../support/factories.ts';
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
        { id: otherSchoolId, name: `Kaimen Test Middle School ${tag}`, adcode: '110102', verification_status: 'pending' },
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
