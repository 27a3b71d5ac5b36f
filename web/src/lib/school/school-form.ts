/**
 * The school form's pure parts: grades preset from the kind of school, and the form's values turned
 * into the body of `POST /api/schools` or `PATCH /api/schools/{id}` (or the reason it cannot be sent).
 */
import { SCHOOL_KIND_GRADES, type SchoolKind } from '$domain/vocab.ts';
import type { CoordSystem } from '$lib/manage/types';
import type { SchoolCreate, SchoolPatch, SchoolRecord } from './types';

/** Every grade a school can serve: 0 is kindergarten, 1–6 primary, 7–9 junior, 10–12 senior secondary. */
export const ALL_GRADES: readonly number[] = Array.from({ length: 13 }, (_, grade) => grade);

/** The grades a kind of school usually serves, as a fresh list the form may change. */
export function gradesOf(kind: SchoolKind): number[] {
  return [...SCHOOL_KIND_GRADES[kind]];
}

/** What the form holds, as typed. */
export interface SchoolDraft {
  name: string;
  nameEn: string;
  kind: SchoolKind | '';
  grades: number[];
  addressZh: string;
  addressEn: string;
  /** A district code the person gave (the server checks it against the point); '' for "from the point". */
  adcode: string;
  lng: number | null;
  lat: number | null;
  crs: CoordSystem;
  /** As typed: empty for "not given". */
  pupilCount: string | number | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

/** Why a draft cannot be sent, as a key of the form's messages. */
export type DraftProblem = 'needName' | 'needKind' | 'needGrades' | 'needPoint' | 'needContact' | 'badPupils';

/** An empty draft; the map pin is placed by the person. */
export function emptyDraft(): SchoolDraft {
  return {
    name: '',
    nameEn: '',
    kind: '',
    grades: [],
    addressZh: '',
    addressEn: '',
    adcode: '',
    lng: null,
    lat: null,
    crs: 'wgs84',
    pupilCount: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
  };
}

/** A draft of a school as it is now, for editing. */
export function draftOf(school: SchoolRecord): SchoolDraft {
  return {
    name: school.name,
    nameEn: school.name_en ?? '',
    kind: school.kind ?? '',
    grades: [...school.grades],
    addressZh: school.address_zh ?? '',
    addressEn: school.address_en ?? '',
    adcode: '',
    lng: school.lng,
    lat: school.lat,
    crs: 'wgs84',
    pupilCount: school.pupil_count ?? '',
    contactName: school.contact_name ?? '',
    contactPhone: school.contact_phone ?? '',
    contactEmail: school.contact_email ?? '',
  };
}

/** The pupil count typed: undefined when empty, NaN when it is not a whole number of 0 or more. */
function pupils(value: SchoolDraft['pupilCount']): number | undefined {
  if (value === null || String(value).trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : NaN;
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** The body of `POST /api/schools`, or the first problem found (in the form's order). */
export function createBody(draft: SchoolDraft): SchoolCreate | DraftProblem {
  if (!draft.name.trim()) return 'needName';
  if (!draft.kind) return 'needKind';
  if (draft.grades.length === 0) return 'needGrades';
  if (!finite(draft.lng) || !finite(draft.lat)) return 'needPoint';
  const pupilCount = pupils(draft.pupilCount);
  if (Number.isNaN(pupilCount)) return 'badPupils';
  if (!draft.contactName.trim()) return 'needContact';
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const body: SchoolCreate = {
    name: draft.name.trim(),
    kind: draft.kind,
    grades: [...draft.grades].sort((a, b) => a - b),
    lng: draft.lng,
    lat: draft.lat,
    crs: draft.crs,
    contact_name: draft.contactName.trim(),
  };
  const extras = {
    name_en: optional(draft.nameEn),
    adcode: optional(draft.adcode),
    address_zh: optional(draft.addressZh),
    address_en: optional(draft.addressEn),
    pupil_count: pupilCount,
    contact_phone: optional(draft.contactPhone),
    contact_email: optional(draft.contactEmail),
  };
  for (const [key, value] of Object.entries(extras)) if (value !== undefined) Object.assign(body, { [key]: value });
  return body;
}

/**
 * The body of `PATCH /api/schools/{id}`: only what differs from the school as saved (the point only
 * when it moved or is given in another system), or the first problem found. An empty object means
 * nothing changed.
 */
export function patchBody(school: SchoolRecord, draft: SchoolDraft): SchoolPatch | DraftProblem {
  const full = createBody(draft);
  if (typeof full === 'string') return full;
  const patch: SchoolPatch = {};
  const text = (value: string | null | undefined) => value ?? null;
  if (full.name !== school.name) patch.name = full.name;
  if (text(full.name_en) !== school.name_en) patch.name_en = text(full.name_en);
  if (full.kind !== school.kind) patch.kind = full.kind;
  if (full.adcode !== undefined && full.adcode !== school.adcode) patch.adcode = full.adcode;
  if (full.grades.join() !== [...school.grades].sort((a, b) => a - b).join()) patch.grades = full.grades;
  if (text(full.address_zh) !== school.address_zh) patch.address_zh = text(full.address_zh);
  if (text(full.address_en) !== school.address_en) patch.address_en = text(full.address_en);
  if ((full.pupil_count ?? null) !== school.pupil_count) patch.pupil_count = full.pupil_count ?? null;
  if (full.contact_name !== school.contact_name) patch.contact_name = full.contact_name;
  if (text(full.contact_phone) !== school.contact_phone) patch.contact_phone = text(full.contact_phone);
  if (text(full.contact_email) !== school.contact_email) patch.contact_email = text(full.contact_email);
  if (full.crs !== 'wgs84' || full.lng !== school.lng || full.lat !== school.lat) {
    Object.assign(patch, { lng: full.lng, lat: full.lat, crs: full.crs });
  }
  return patch;
}
