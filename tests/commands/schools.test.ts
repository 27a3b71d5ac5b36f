import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { smallestDistrictsAt } from '../../db/queries/districts.ts';
import { getSchoolRecord, greenChannelSchoolOf, schoolPoint } from '../../db/queries/schools.ts';
import { schoolClaims, schoolMembers, schools } from '../../db/schema/index.ts';
import { toWgs84 } from '../../domain/crs.ts';
import { greatCircleMetres } from '../../domain/geo.ts';
import type { Actor } from '../../server/commands/actor.ts';
import { claimSchool } from '../../server/commands/claim-school.ts';
import { decideSchoolClaim } from '../../server/commands/decide-school-claim.ts';
import { decideSchool } from '../../server/commands/decide-school.ts';
import { registerAccount } from '../../server/commands/register-account.ts';
import { registerSchool } from '../../server/commands/register-school.ts';
import { updateSchool } from '../../server/commands/update-school.ts';
import type { CreateSchoolBody } from '../../server/schemas/school-fields.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildSchool, buildSchoolMember, DONGCHENG, XICHENG } from '../support/factories.ts';

/** A school admin's registration of a primary school at the Dongcheng test point. */
const body = (overrides: Partial<CreateSchoolBody> = {}): CreateSchoolBody => ({
  name: `东城测试小学${randomUUID().slice(0, 6)}`,
  kind: 'primary',
  grades: [6, 1, 2, 3, 4, 5],
  lng: DONGCHENG.lng,
  lat: DONGCHENG.lat,
  contact_name: '张老师',
  ...overrides,
});

const membershipOf = async (tx: Db, schoolId: string, userId: string) =>
  (
    await tx
      .select()
      .from(schoolMembers)
      .where(and(eq(schoolMembers.schoolId, schoolId), eq(schoolMembers.userId, userId)))
  )[0];

/** A point `metres` east of `from`, roughly. */
const east = (from: { lng: number; lat: number }, metres: number) => ({
  lng: from.lng + metres / (111_320 * Math.cos((from.lat * Math.PI) / 180)),
  lat: from.lat,
});

describe.each(testEngines())('school commands on %s', (engine) => {
  let database: Database;
  let schoolAdmin: TestActor;
  let otherAdmin: TestActor;
  let bureau: TestActor;
  let shanghaiBureau: TestActor;
  let admin: TestActor;
  let approved: TestActor;
  let waiting: TestActor;
  let refused: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    approved = await createActor(database, { role: 'teacher' });
    waiting = await createActor(database, { role: 'teacher' });
    refused = await createActor(database, { role: 'teacher' });
    schoolAdmin = await createActor(database, { role: 'school_admin', name: '赵校长' });
    otherAdmin = await createActor(database, { role: 'school_admin' });
    bureau = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    shanghaiBureau = await createActor(database, { role: 'bureau', regionPrefix: '31' });
    admin = await createActor(database, { role: 'admin' });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A verified school in Dongcheng (at the test point) whose approved admin is `schoolAdmin`. */
  async function verifiedSchool(tx: Db, overrides: Partial<typeof schools.$inferInsert> = {}) {
    const school = await buildSchool(tx, {
      adcode: DONGCHENG.adcode,
      location: schoolPoint(DONGCHENG) as unknown as string,
      verificationStatus: 'verified',
      verifiedAt: new Date(),
      ...overrides,
    });
    await buildSchoolMember(tx, school.id, schoolAdmin, { role: 'school_admin', status: 'approved' });
    return school;
  }

  it('registerSchool: pending, point in WGS-84, district from the point, the registrant its approved admin, audited', async () => {
    await rollback(database, async (tx) => {
      const gcj = { lng: 116.4228, lat: 39.9302 };
      const created = await registerSchool(tx, actorOf(schoolAdmin), body({ ...gcj, crs: 'gcj02', pupil_count: 900 }));
      const expected = toWgs84('gcj02', gcj);
      expect(created).toMatchObject({ verificationStatus: 'pending', sourceCrs: 'gcj02', pupilCount: 900 });
      expect(created.grades).toEqual([1, 2, 3, 4, 5, 6]);
      expect(greatCircleMetres({ lng: created.lng!, lat: created.lat! }, expected)).toBeLessThan(0.01);
      const [covering] = await smallestDistrictsAt(tx, [expected]);
      expect(covering).toMatch(/^11/);
      expect(created.adcode).toBe(covering);
      expect(await membershipOf(tx, created.id, schoolAdmin.user.id)).toMatchObject({
        role: 'school_admin',
        status: 'approved',
      });
      const [entry] = await auditOf(tx, created.id);
      expect(entry).toMatchObject({ action: 'school.create', entityType: 'school', adcode: covering });
      expect(entry!.after).toMatchObject({ name: created.name, verification_status: 'pending', pupil_count: 900 });

      const byAdmin = await registerSchool(tx, actorOf(admin), body({ adcode: '110101' }));
      expect(byAdmin.adcode).toBe('110101');
      expect(await membershipOf(tx, byAdmin.id, admin.user.id)).toBeUndefined();
    });
  });

  it('registerSchool refuses a district the point is not in, an unknown one, and bad grades', async () => {
    await rollback(database, async (tx) => {
      const actor = actorOf(schoolAdmin);
      expect(await codeOf(registerSchool(tx, actor, body({ adcode: '310101' })))).toBe('ADCODE_MISMATCH');
      expect(await codeOf(registerSchool(tx, actor, body({ adcode: '110101', lng: 121.47, lat: 31.23 })))).toBe(
        'ADCODE_MISMATCH',
      );
      expect(await codeOf(registerSchool(tx, actor, body({ adcode: '999999' })))).toBe('UNKNOWN_ADCODE');
      expect(await codeOf(registerSchool(tx, actor, body({ grades: [13] })))).toBe('INVALID_GRADES');
      expect(await codeOf(registerSchool(tx, actor, body({ grades: [1, 1] })))).toBe('INVALID_GRADES');
      expect(await codeOf(registerSchool(tx, actor, body({ grades: [1.5] })))).toBe('INVALID_GRADES');
      const rows = await tx.select().from(schools).where(eq(schools.createdBy, schoolAdmin.user.id));
      expect(rows).toEqual([]);
    });
  });

  it('updateSchool: small edits and moves keep a verified school verified; the school’s own admins only', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const moved = east(DONGCHENG, 200);
      const changed = await updateSchool(tx, actorOf(schoolAdmin), {
        schoolId: school.id,
        changes: { name_en: 'Dongcheng Test Primary', ...moved, contact_phone: '010-6512 3456' },
      });
      expect(changed).toMatchObject({
        verificationStatus: 'verified',
        nameEn: 'Dongcheng Test Primary',
        adcode: '110101',
        contactPhone: '010-6512 3456',
      });
      const [entry] = await auditOf(tx, school.id);
      expect(entry).toMatchObject({ action: 'school.update', adcode: '110101' });
      expect(Object.keys(entry!.after as object).sort()).toEqual(['contact_phone', 'lng', 'name_en']);
      expect(await messagesTo(tx, schoolAdmin.user.email)).toEqual([]);

      const outsider = actorOf(otherAdmin);
      expect(await codeOf(updateSchool(tx, outsider, { schoolId: school.id, changes: { name_en: 'x' } }))).toBe(
        'NOT_YOUR_SCHOOL',
      );
      const missing = { schoolId: randomUUID(), changes: { name_en: 'x' } };
      expect(await codeOf(updateSchool(tx, actorOf(admin), missing))).toBe('SCHOOL_NOT_FOUND');
      const half = { schoolId: school.id, changes: { lng: 116.4 } };
      expect(await codeOf(updateSchool(tx, actorOf(schoolAdmin), half))).toBe('VALIDATION_FAILED');
      const far = { schoolId: school.id, changes: { adcode: '310101' } };
      expect(await codeOf(updateSchool(tx, actorOf(schoolAdmin), far))).toBe('ADCODE_MISMATCH');
    });
  });

  it('updateSchool sends a verified school moved more than 500 m back to review, with a note, its admins told', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const changed = await updateSchool(tx, actorOf(schoolAdmin), {
        schoolId: school.id,
        changes: east(DONGCHENG, 800),
      });
      expect(changed).toMatchObject({ verificationStatus: 'pending', verifiedAt: null, verifiedBy: null });
      expect(changed.reviewNote).toMatch(/位置移动了 (79\d|80\d) 米.*the point moved (79\d|80\d) m/);
      const [message] = await messagesTo(tx, schoolAdmin.user.email);
      expect(message).toMatchObject({ topic: 'school_reviewed' });
      expect(message!.data).toMatchObject({ school_id: school.id, outcome: 'returned' });
      expect(await greenChannelSchoolOf(tx, schoolAdmin.user.id, school.id)).toBe(false);
    });
  });

  it('updateSchool: a renamed verified school goes back to review; a corrected rejected one too', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const renamed = await updateSchool(tx, actorOf(schoolAdmin), {
        schoolId: school.id,
        changes: { name: '东城区另一所小学' },
      });
      expect(renamed).toMatchObject({ verificationStatus: 'pending' });
      expect(renamed.reviewNote).toContain('the name changed');

      const rejected = await verifiedSchool(tx, { verificationStatus: 'rejected', reviewNote: '资料不全' });
      const corrected = await updateSchool(tx, actorOf(schoolAdmin), {
        schoolId: rejected.id,
        changes: { address_zh: '东城区某某胡同 1 号' },
      });
      expect(corrected).toMatchObject({ verificationStatus: 'pending', reviewNote: null });
      expect(await codeOf(updateSchool(tx, actorOf(schoolAdmin), { schoolId: school.id, changes: {} }))).toBe(
        'EMPTY_PATCH',
      );
      const unplaced = await buildSchool(tx, { adcode: null });
      await buildSchoolMember(tx, unplaced.id, schoolAdmin, { role: 'school_admin', status: 'approved' });
      const unknown = { schoolId: unplaced.id, changes: { adcode: '999999' } };
      expect(await codeOf(updateSchool(tx, actorOf(schoolAdmin), unknown))).toBe('UNKNOWN_ADCODE');
      const districted = await updateSchool(tx, actorOf(schoolAdmin), {
        schoolId: unplaced.id,
        changes: { adcode: XICHENG.adcode },
      });
      expect(districted).toMatchObject({ adcode: XICHENG.adcode, verificationStatus: 'pending' });
    });
  });

  it('updateSchool into another district: back to review, audited under both districts', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const changed = await updateSchool(tx, actorOf(schoolAdmin), {
        schoolId: school.id,
        changes: { adcode: XICHENG.adcode, lng: XICHENG.lng, lat: XICHENG.lat },
      });
      expect(changed).toMatchObject({ adcode: XICHENG.adcode, verificationStatus: 'pending' });
      expect(changed.reviewNote).toContain('the district changed');
      const entries = await auditOf(tx, school.id);
      expect(entries.map((e) => [e.action, e.adcode])).toEqual([
        ['school.update', XICHENG.adcode],
        ['school.move_out', DONGCHENG.adcode],
      ]);
      expect(entries[1]!.after).toEqual(entries[0]!.after);
      expect(entries[0]!.after).toMatchObject({ adcode: XICHENG.adcode, verification_status: 'pending' });
    });
  });

  it('claimSchool: a pending claim, audited; refused twice, for its admins, for rejected and unknown schools', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const actor = actorOf(otherAdmin);
      const claim = await claimSchool(tx, actor, { schoolId: school.id, evidence: '  校长任命文件 2025-3 号 ' });
      expect(claim).toMatchObject({ schoolId: school.id, status: 'pending', evidence: '校长任命文件 2025-3 号' });
      const [entry] = await auditOf(tx, claim.id);
      expect(entry).toMatchObject({ action: 'school_claim.create', entityType: 'school_claim', adcode: '110101' });
      expect(await codeOf(claimSchool(tx, actor, { schoolId: school.id, evidence: '再次' }))).toBe('CLAIM_PENDING');
      expect(await codeOf(claimSchool(tx, actorOf(schoolAdmin), { schoolId: school.id, evidence: 'x' }))).toBe(
        'ALREADY_MEMBER',
      );
      const rejected = await buildSchool(tx, { verificationStatus: 'rejected', reviewNote: '不存在' });
      expect(await codeOf(claimSchool(tx, actor, { schoolId: rejected.id, evidence: 'x' }))).toBe('SCHOOL_REJECTED');
      expect(await codeOf(claimSchool(tx, actor, { schoolId: randomUUID(), evidence: 'x' }))).toBe('SCHOOL_NOT_FOUND');
    });
  });

  it('decideSchool verifies a pending school in the bureau’s region: audited, its admins told', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx, { verificationStatus: 'pending', verifiedAt: null });
      expect(await codeOf(decideSchool(tx, actorOf(shanghaiBureau), verify(school.id)))).toBe('OUTSIDE_REGION');
      const verified = await decideSchool(tx, actorOf(bureau), verify(school.id));
      expect(verified).toMatchObject({ verificationStatus: 'verified', verifiedBy: bureau.user.id, reviewNote: null });
      expect(verified.verifiedAt).toBeInstanceOf(Date);
      const [entry] = await auditOf(tx, school.id);
      expect(entry).toMatchObject({
        action: 'school.verify',
        adcode: '110101',
        actorId: bureau.user.id,
        before: { verification_status: 'pending' },
        after: { verification_status: 'verified', verified_by: bureau.user.id },
      });
      const [message] = await messagesTo(tx, schoolAdmin.user.email);
      expect(message).toMatchObject({ topic: 'school_reviewed' });
      expect(message!.subject).toContain('已通过');
      expect(message!.data).toEqual({ school_id: school.id, outcome: 'verified', reason: null });
      expect(await codeOf(decideSchool(tx, actorOf(bureau), verify(school.id)))).toBe('SCHOOL_NOT_PENDING');
      expect(await codeOf(decideSchool(tx, actorOf(bureau), verify(randomUUID())))).toBe('SCHOOL_NOT_FOUND');
    });
  });

  it('decideSchool rejects with a reason; a school without a point cannot be verified', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx, { verificationStatus: 'pending', verifiedAt: null });
      const rejected = await decideSchool(tx, actorOf(bureau), {
        schoolId: school.id,
        outcome: 'rejected',
        reason: '查无此校',
      });
      expect(rejected).toMatchObject({ verificationStatus: 'rejected', reviewNote: '查无此校', verifiedAt: null });
      const [message] = await messagesTo(tx, schoolAdmin.user.email);
      expect(message!.body).toContain('原因：查无此校');
      expect((await auditOf(tx, school.id))[0]).toMatchObject({ action: 'school.reject' });

      const unplaced = await buildSchool(tx, { adcode: DONGCHENG.adcode });
      expect(await codeOf(decideSchool(tx, actorOf(admin), verify(unplaced.id)))).toBe('SCHOOL_NOT_PLACED');
      const nowhere = await buildSchool(tx, { adcode: null, location: schoolPoint(DONGCHENG) as unknown as string });
      expect(await codeOf(decideSchool(tx, actorOf(bureau), verify(nowhere.id)))).toBe('OUTSIDE_REGION');
      expect(await codeOf(decideSchool(tx, actorOf(admin), verify(nowhere.id)))).toBe('SCHOOL_NOT_PLACED');
    });
  });

  it('decideSchoolClaim approves: the claimant becomes an approved school admin, audited, told', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const claim = await claimSchool(tx, actorOf(otherAdmin), { schoolId: school.id, evidence: '任命书' });
      const input = { claimId: claim.id, outcome: 'approved' as const, reason: null };
      expect(await codeOf(decideSchoolClaim(tx, actorOf(shanghaiBureau), input))).toBe('OUTSIDE_REGION');
      const decided = await decideSchoolClaim(tx, actorOf(bureau), input);
      expect(decided).toMatchObject({ status: 'approved', decidedBy: bureau.user.id });
      expect(await membershipOf(tx, school.id, otherAdmin.user.id)).toMatchObject({
        role: 'school_admin',
        status: 'approved',
        decidedBy: bureau.user.id,
      });
      const entries = await auditOf(tx, claim.id);
      expect(entries.map((e) => e.action)).toEqual(['school_claim.create', 'school_claim.approve']);
      expect((await auditOf(tx, `${school.id}:${otherAdmin.user.id}`))[0]).toMatchObject({
        action: 'school_member.approve',
        adcode: '110101',
      });
      const [message] = await messagesTo(tx, otherAdmin.user.email);
      expect(message).toMatchObject({ topic: 'school_claim_reviewed' });
      expect(message!.data).toEqual({ claim_id: claim.id, school_id: school.id, outcome: 'approved', reason: null });
      expect(await codeOf(decideSchoolClaim(tx, actorOf(bureau), input))).toBe('CLAIM_NOT_PENDING');
      expect(await codeOf(decideSchoolClaim(tx, actorOf(bureau), { ...input, claimId: randomUUID() }))).toBe(
        'CLAIM_NOT_FOUND',
      );
      // Now one of its admins, the claimant may edit it.
      const edited = await updateSchool(tx, actorOf(otherAdmin), { schoolId: school.id, changes: { name_en: 'X' } });
      expect(edited.nameEn).toBe('X');
    });
  });

  it('decideSchoolClaim rejects with a reason: no membership, the claimant told', async () => {
    await rollback(database, async (tx) => {
      const school = await verifiedSchool(tx);
      const claim = await claimSchool(tx, actorOf(otherAdmin), { schoolId: school.id, evidence: '任命书' });
      const decided = await decideSchoolClaim(tx, actorOf(bureau), {
        claimId: claim.id,
        outcome: 'rejected',
        reason: '无法核实',
      });
      expect(decided).toMatchObject({ status: 'rejected', reason: '无法核实' });
      expect(await membershipOf(tx, school.id, otherAdmin.user.id)).toBeUndefined();
      const [row] = await tx.select().from(schoolClaims).where(eq(schoolClaims.id, claim.id));
      expect(row).toMatchObject({ status: 'rejected', decidedBy: bureau.user.id });
      const [message] = await messagesTo(tx, otherAdmin.user.email);
      expect(message!.body).toContain('无法核实');
      // A new claim may follow a rejected one.
      const again = await claimSchool(tx, actorOf(otherAdmin), { schoolId: school.id, evidence: '新的证明' });
      expect(again.status).toBe('pending');
    });
  });

  it('registerAccount: a school admin signs up with no school; a teacher joins a pending school, not a rejected one', async () => {
    await rollback(database, async (tx) => {
      const visitor: Actor = { user: null, ip: '203.0.113.9' };
      const signUp = (role: { role: 'school_admin' } | { role: 'teacher'; schoolId: string }) => ({
        ...role,
        email: `s-${randomUUID()}@test.kaimen`,
        displayName: '钱老师',
        passwordHash: 'not-a-real-hash',
        pages: { loginUrl: 'https://kaimen.test/login', resetUrl: 'https://kaimen.test/reset-password' },
      });
      const { user } = await registerAccount(tx, visitor, signUp({ role: 'school_admin' }));
      if (!user) throw new Error('the sign-up made no account');
      expect(user.role).toBe('school_admin');
      expect(await tx.select().from(schoolMembers).where(eq(schoolMembers.userId, user.id))).toEqual([]);

      const pending = await buildSchool(tx);
      const { user: teacher } = await registerAccount(tx, visitor, signUp({ role: 'teacher', schoolId: pending.id }));
      expect(await membershipOf(tx, pending.id, teacher!.id)).toMatchObject({ role: 'teacher', status: 'pending' });
      const rejected = await buildSchool(tx, { verificationStatus: 'rejected', reviewNote: '不存在' });
      expect(await codeOf(registerAccount(tx, visitor, signUp({ role: 'teacher', schoolId: rejected.id })))).toBe(
        'SCHOOL_REJECTED',
      );
      expect(await codeOf(registerAccount(tx, visitor, signUp({ role: 'teacher', schoolId: randomUUID() })))).toBe(
        'SCHOOL_NOT_FOUND',
      );
    });
  });

  it('greenChannelSchoolOf: only an approved teacher or school admin of a verified school', async () => {
    await rollback(database, async (tx) => {
      const verified = await verifiedSchool(tx);
      const pendingSchool = await buildSchool(tx);
      await buildSchoolMember(tx, verified.id, approved, { status: 'approved' });
      await buildSchoolMember(tx, pendingSchool.id, approved, { status: 'approved' });
      await buildSchoolMember(tx, verified.id, waiting);
      await buildSchoolMember(tx, verified.id, refused, { status: 'rejected' });
      expect(await greenChannelSchoolOf(tx, approved.user.id, verified.id)).toBe(true);
      expect(await greenChannelSchoolOf(tx, schoolAdmin.user.id, verified.id)).toBe(true);
      expect(await greenChannelSchoolOf(tx, approved.user.id, pendingSchool.id)).toBe(false);
      expect(await greenChannelSchoolOf(tx, waiting.user.id, verified.id)).toBe(false);
      expect(await greenChannelSchoolOf(tx, refused.user.id, verified.id)).toBe(false);
      expect(await greenChannelSchoolOf(tx, otherAdmin.user.id, verified.id)).toBe(false);
      expect((await getSchoolRecord(tx, verified.id))!.verificationStatus).toBe('verified');
    });
  });
});

const verify = (schoolId: string) => ({ schoolId, outcome: 'verified' as const, reason: null });
