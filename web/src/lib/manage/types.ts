/**
 * Hand-written types of the account, venue-console and bureau routes, until the committed OpenAPI
 * document includes them and `types.ts` can name the generated ones instead.
 */
import type { Admission, Theme, VenueKind } from '$lib/api/types';

export type Role = 'parent' | 'teacher' | 'school_admin' | 'venue_manager' | 'bureau' | 'admin';
export type SelfServiceRole = 'parent' | 'teacher' | 'venue_manager';

/** Body of `GET /api/me`, login and registration. */
export interface Me {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  region_prefix: string | null;
  organisations: { id: string; name: string }[];
  schools: {
    id: string;
    name: string;
    role: 'teacher' | 'school_admin';
    status: 'pending' | 'approved' | 'rejected';
  }[];
  csrf_token: string;
}

export interface RegisterBody {
  email: string;
  password: string;
  display_name: string;
  role: SelfServiceRole;
  school_id?: string;
  organisation_name?: string;
}

/** One message of `GET /api/dev/mailbox`. */
export interface MailboxMessage {
  id: string;
  recipient: string;
  topic: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
}

export interface SchoolOption {
  id: string;
  name: string;
  adcode?: string | null;
  district_name?: string | null;
}

export type PublicationStatus = 'published' | 'draft' | 'suspended';
export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected';
export type CoordSystem = 'wgs84' | 'gcj02' | 'bd09';
/** Accessibility and other yes/no facts: null is "unknown", which is not "no". */
export type Known = boolean | null;
export type BookingMode = 'none' | 'online_required' | 'online_optional' | 'group_only' | 'unknown';

/** One row of `GET /api/manage/venues`. */
export interface ManagedVenue {
  id: string;
  name_zh: string;
  adcode: string | null;
  status: PublicationStatus;
  verification_status: VerificationStatus;
  review_note: string | null;
  updated_at: string;
}

export interface VenuePhoto {
  id: string;
  url?: string;
  caption?: string | null;
  [key: string]: unknown;
}

/** Body of `GET /api/manage/venues/{id}` and of venue writes. */
export interface VenueRecord {
  id: string;
  name_zh: string;
  name_en: string | null;
  kinds: VenueKind[];
  themes: Theme[];
  lng: number;
  lat: number;
  source_crs: CoordSystem;
  coord_precision: string;
  location_checked_at: string | null;
  adcode: string | null;
  district_name: string | null;
  address_zh: string | null;
  address_en: string | null;
  opening_hours: string | null;
  minors_admission: Admission;
  admission_rule: string | null;
  booking_mode: BookingMode;
  wheelchair: Known;
  hearing: Known;
  visual: Known;
  cognitive: Known;
  phone: string | null;
  website: string | null;
  email: string | null;
  age_min: number | null;
  age_max: number | null;
  grade_min: number | null;
  grade_max: number | null;
  group_min: number | null;
  group_max: number | null;
  group_lead_days: number | null;
  green_channel: Known;
  hours_known?: boolean;
  updated_at?: string;
  status: PublicationStatus;
  verification_status: VerificationStatus;
  review_note: string | null;
  organisation: { id: string; name: string } | null;
  photos: VenuePhoto[];
}

/** The fields a manager may change (`PATCH /api/venues/{id}`); the point moves with lng, lat and crs. */
export type VenuePatch = Partial<
  Omit<
    VenueRecord,
    | 'id'
    | 'source_crs'
    | 'coord_precision'
    | 'location_checked_at'
    | 'district_name'
    | 'status'
    | 'verification_status'
    | 'review_note'
    | 'organisation'
    | 'photos'
  >
> & { crs?: CoordSystem };

/** Body of `POST /api/venues`. */
export type NewVenue = VenuePatch & {
  name_zh: string;
  kinds: VenueKind[];
  lng: number;
  lat: number;
  crs: CoordSystem;
};

export interface RecurringSlots {
  weekdays: number[];
  start_time: string;
  end_time: string;
  first_day: string;
  last_day: string;
  except_days: string[];
}

export interface NewSlots {
  capacity: number;
  school_allocation: number;
  allocation_release_hours: number;
  title?: string;
  programme_id?: string;
  single?: { starts_at: string; ends_at: string };
  recurring?: RecurringSlots;
}

/** One pending claim in the bureau's queue. */
export interface PendingClaim {
  id: string;
  venue: {
    id: string;
    name: string;
    adcode: string | null;
    status: PublicationStatus;
    verification_status: VerificationStatus;
    managed: boolean;
  };
  claimant: { id: string; display_name: string; email: string };
  organisation: { id: string; name: string };
  evidence: string;
  created_at: string;
}

/** One venue waiting for review in the bureau's queue. */
export interface PendingVenue {
  id: string;
  name: string;
  adcode: string | null;
  district_name: string | null;
  address: string | null;
  kinds: VenueKind[];
  organisation_name: string | null;
  lng: number;
  lat: number;
  created_at: string;
}

/** Body of `GET /api/bureau/queue`. */
export interface BureauQueue {
  venues: PendingVenue[];
  claims: PendingClaim[];
}

/** An official designation of a venue. */
export interface Designation {
  id: string;
  venue_id: string;
  title: string;
  issuer: string | null;
  level: 'national' | 'provincial' | 'city' | 'district';
  year: number | null;
  revoked: boolean;
}

/** One slot as the console sees it (`GET /api/manage/venues/{id}/slots`), cancelled ones included. */
export interface ManagedSlot {
  id: string;
  series_id: string | null;
  programme_id: string | null;
  kind: string;
  title: string | null;
  starts_at: string;
  ends_at: string;
  capacity: number;
  school_allocation: number;
  allocation_release_at: string | null;
  status: string;
  is_sample: boolean;
}

/** A programme as `GET /api/manage/venues/{id}/programmes` lists it. */
export interface ManagedProgramme {
  id: string;
  venue_id: string;
  title_zh: string;
  title_en: string | null;
  description: string | null;
  delivery: string;
  themes: string[];
  price_per_head_fen: number;
  status: PublicationStatus;
  review_note: string | null;
}
