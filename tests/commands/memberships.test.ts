import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { schoolMembers } from '../../db/schema/index.ts';
import { decideMembership } from '../../server/commands/decide-membership.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildSchool, buildSchoolMember, XICHENG } from '../support/factories.ts';

const membershipOf = async (tx: Db, schoolId: string, userId: string) =>
  (
    await tx
      .select()
      .from(schoolMembers)
      .where(and(eq(schoolMembers.schoolId, schoolId), eq(schoolMembers.userId, userId)))
  )[0];

describe.each(testEngines())('school membership decisions as commands on %s', (engine) => {
  let database: Database;
  let schoolAdmin: TestActor;
  let teacher: TestActor;
  let admin: TestActor;
  let newcomer: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    schoolAdmin = await createActor(database, { role: 'school_admin' });
    teacher = await createActor(database, { role: 'teacher', name: '李老师' });
    admin = await createActor(database, { role: 'admin' });
    newcomer = await createActor(database, { role: 'school_admin' });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A school whose approved admin is `schoolAdmin`, with `teacher` waiting to join it. */
  async function schoolWithPendingTeacher(tx: Db, place = { adcode: '110101' }) {
    const school = await buildSchool(tx, { adcode: place.adcode });
    await buildSchoolMember(tx, school.id, schoolAdmin, { role: 'school_admin', status: 'approved' });
    await buildSchoolMember(tx, school.id, teacher);
    return school;
  }

  it('decideMembership approves a pending teacher: audited with the school’s district, the teacher told', async () => {
    await rollback(database, async (tx) => {
      const school = await schoolWithPendingTeacher(tx, XICHENG);
      const input = { schoolId: school.id, userId: teacher.user.id, outcome: 'approved' as const };
      const decided = await decideMembership(tx, actorOf(schoolAdmin), input);
      expect(decided).toMatchObject({ role: 'teacher', status: 'approved', displayName: '李老师' });
      expect(decided.decidedAt).toBeInstanceOf(Date);
      expect(await membershipOf(tx, school.id, teacher.user.id)).toMatchObject({
        status: 'approved',
        decidedBy: schoolAdmin.user.id,
      });
      const [entry] = await auditOf(tx, `${school.id}:${teacher.user.id}`);
      expect(entry).toMatchObject({
        action: 'school_member.approve',
        entityType: 'school_member',
        actorId: schoolAdmin.user.id,
        adcode: XICHENG.adcode,
        before: expect.objectContaining({ status: 'pending', decided_at: null }),
        after: expect.objectContaining({ status: 'approved', user_id: teacher.user.id }),
      });
      const [message] = await messagesTo(tx, teacher.user.email);
      expect(message).toMatchObject({
        topic: 'membership_reviewed',
        data: { school_id: school.id, outcome: 'approved' },
      });
      expect(message!.subject).toBe(`${school.name}：已确认您的教师身份 / Your membership of ${school.name}`);
    });
  });

  it('decideMembership rejects a pending teacher, and a second decision is MEMBERSHIP_NOT_PENDING', async () => {
    await rollback(database, async (tx) => {
      const school = await schoolWithPendingTeacher(tx);
      const input = { schoolId: school.id, userId: teacher.user.id };
      await decideMembership(tx, actorOf(schoolAdmin), { ...input, outcome: 'rejected' });
      expect(await membershipOf(tx, school.id, teacher.user.id)).toMatchObject({ status: 'rejected' });
      expect((await messagesTo(tx, teacher.user.email))[0]!.data).toMatchObject({ outcome: 'rejected' });
      expect(await codeOf(decideMembership(tx, actorOf(schoolAdmin), { ...input, outcome: 'approved' }))).toBe(
        'MEMBERSHIP_NOT_PENDING',
      );
    });
  });

  it('decideMembership refuses an unknown school (SCHOOL_NOT_FOUND), another school’s admin (NOT_YOUR_SCHOOL) and a non-member (MEMBERSHIP_NOT_FOUND)', async () => {
    await rollback(database, async (tx) => {
      const school = await schoolWithPendingTeacher(tx);
      const elsewhere = await buildSchool(tx);
      const decide = (as: TestActor, schoolId: string, userId: string) =>
        codeOf(decideMembership(tx, actorOf(as), { schoolId, userId, outcome: 'approved' }));
      expect(await decide(schoolAdmin, randomUUID(), teacher.user.id)).toBe('SCHOOL_NOT_FOUND');
      expect(await decide(schoolAdmin, elsewhere.id, teacher.user.id)).toBe('NOT_YOUR_SCHOOL');
      expect(await decide(schoolAdmin, school.id, admin.user.id)).toBe('MEMBERSHIP_NOT_FOUND');
      expect(await membershipOf(tx, school.id, teacher.user.id)).toMatchObject({ status: 'pending' });
    });
  });

  it('decideMembership leaves school admin memberships to administrators (NOT_YOUR_SCHOOL for a school admin)', async () => {
    await rollback(database, async (tx) => {
      const school = await schoolWithPendingTeacher(tx);
      await buildSchoolMember(tx, school.id, newcomer, { role: 'school_admin' });
      const input = { schoolId: school.id, userId: newcomer.user.id, outcome: 'approved' as const };
      expect(await codeOf(decideMembership(tx, actorOf(schoolAdmin), input))).toBe('NOT_YOUR_SCHOOL');
      // Their own membership still pending, they may not decide on the teacher either.
      const waiting = { schoolId: school.id, userId: teacher.user.id, outcome: 'approved' as const };
      expect(await codeOf(decideMembership(tx, actorOf(newcomer), waiting))).toBe('NOT_YOUR_SCHOOL');
      expect(await decideMembership(tx, actorOf(admin), input)).toMatchObject({ status: 'approved' });
    });
  });
});
