import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { schoolPoint } from '../db/queries/schools.ts';
import { insertUser } from '../db/queries/users.ts';
import { organisationMembers, organisations, schoolMembers, schools, users } from '../db/schema/index.ts';
import type { Role } from '../domain/vocab.ts';

/** The password of every demo account (README). Demo accounts exist only in the embedded demo mode. */
export const DEMO_PASSWORD = 'kaimen-demo-2026';

/** One account per role (and door staff of the demo organisation); the bureaus oversee Beijing (adcode prefix 11) and its Dongcheng district (110101). */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; regionPrefix?: string }[] = [
  { email: 'parent@demo.kaimen', name: '演示家长 Demo parent', role: 'parent' },
  { email: 'teacher@demo.kaimen', name: '演示教师 Demo teacher', role: 'teacher' },
  { email: 'school-admin@demo.kaimen', name: '演示学校管理员 Demo school admin', role: 'school_admin' },
  { email: 'manager@demo.kaimen', name: '演示场馆管理员 Demo venue manager', role: 'venue_manager' },
  /** Door staff of the demo organisation (organisation_members.role): the day's slots and check-in only. */
  { email: 'door@demo.kaimen', name: '演示现场核验员 Demo door staff', role: 'venue_manager' },
  {
    email: 'bureau-beijing@demo.kaimen',
    name: '演示北京市教委 Demo Beijing bureau',
    role: 'bureau',
    regionPrefix: '11',
  },
  {
    email: 'bureau-dongcheng@demo.kaimen',
    name: '演示东城区教委 Demo Dongcheng bureau',
    role: 'bureau',
    regionPrefix: '110101',
  },
  { email: 'admin@demo.kaimen', name: '演示管理员 Demo admin', role: 'admin' },
];

/** Labelled as demo data wherever it shows: these are not real organisations. */
export const DEMO_SCHOOL = '开门演示学校（示例，非真实学校） Kaimen demo school (not a real school)';
const DEMO_ORGANISATION = '开门演示机构（示例） Kaimen demo organisation';

/**
 * The demo school as the Dongcheng bureau verified it: a primary school (grades 1–6) placed in Dongcheng
 * (110101) so a teacher's map starts there. Its contact is labelled demo, like its name.
 */
const DEMO_SCHOOL_RECORD = {
  nameEn: 'Kaimen demo school (not a real school)',
  kind: 'primary',
  grades: [1, 2, 3, 4, 5, 6],
  adcode: '110101',
  addressZh: '北京市东城区（演示地址）',
  addressEn: 'Dongcheng, Beijing (demo address)',
  contactName: '演示联系人 Demo contact',
  contactEmail: 'school-admin@demo.kaimen',
  verificationStatus: 'verified',
  reviewNote: null,
  source: 'kaimen-demo',
} as const;
const DEMO_SCHOOL_POINT = { lng: 116.4166, lat: 39.9289 };

/**
 * Creates the demo accounts, a verified demo school in Dongcheng for the teacher and school admin, and a
 * demo organisation for the venue manager. Idempotent: existing accounts are left as they are; the demo
 * school's record is brought up to date.
 * @param passwordHash DEMO_PASSWORD hashed the way the server checks passwords
 */
export async function ensureDemoAccounts(db: Db, passwordHash: string): Promise<number> {
  let created = 0;
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await insertUser(tx, {
        email: account.email,
        displayName: account.name,
        passwordHash,
        role: account.role,
        regionPrefix: account.regionPrefix ?? null,
        isDemo: true,
      });
      if (user) created += 1;
    }
    const idOf = async (email: string) =>
      (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
    let [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL));
    if (!school)
      [school] = await tx.insert(schools).values({ name: DEMO_SCHOOL, adcode: '110101' }).returning({ id: schools.id });
    // Demo databases made before schools had places get the record too.
    await tx
      .update(schools)
      .set({
        ...DEMO_SCHOOL_RECORD,
        grades: [...DEMO_SCHOOL_RECORD.grades],
        location: schoolPoint(DEMO_SCHOOL_POINT) as unknown as string,
        verifiedAt: sql`coalesce(${schools.verifiedAt}, now())`,
        verifiedBy: await idOf('bureau-dongcheng@demo.kaimen'),
      })
      .where(eq(schools.id, school!.id));
    for (const [email, role] of [
      ['teacher@demo.kaimen', 'teacher'],
      ['school-admin@demo.kaimen', 'school_admin'],
    ] as const) {
      await tx
        .insert(schoolMembers)
        .values({ schoolId: school!.id, userId: await idOf(email), role, status: 'approved' })
        .onConflictDoNothing();
    }
    let [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, DEMO_ORGANISATION));
    if (!organisation) {
      [organisation] = await tx
        .insert(organisations)
        .values({ name: DEMO_ORGANISATION })
        .returning({ id: organisations.id });
    }
    for (const [email, role] of [
      ['manager@demo.kaimen', 'manager'],
      ['door@demo.kaimen', 'door_staff'],
    ] as const) {
      await tx
        .insert(organisationMembers)
        .values({ organisationId: organisation!.id, userId: await idOf(email), role })
        .onConflictDoNothing();
    }
  });
  return created;
}
