/**
 * Names for the school types the school console and the bureau share, read off the generated `paths`
 * by path (see `$lib/api/types`).
 */
import type { ApiAnswer, ApiBody } from '$lib/api/client';

/** A school in full (for its admins and its bureau): contact, pupils and the bureau's note included. */
export type SchoolRecord = ApiAnswer<'/api/manage/schools'>['items'][number];
/** A school as anyone may see it (the sign-up picker, the claim search). */
export type PublicSchool = ApiAnswer<'/api/schools'>['items'][number];
/** Body of `POST /api/schools`. */
export type SchoolCreate = ApiBody<'/api/schools', 'post'>;
/** Body of `PATCH /api/schools/{id}`: only the fields that change. */
export type SchoolPatch = ApiBody<'/api/schools/{id}', 'patch'>;
/** The school admin's schools and claims (`GET /api/manage/schools`). */
export type ManagedSchools = ApiAnswer<'/api/manage/schools'>;
export type MySchoolClaim = ManagedSchools['claims'][number];
/** A claim of a listed school waiting in the bureau's queue. */
export type QueuedSchoolClaim = ApiAnswer<'/api/bureau/queue'>['school_claims'][number];
