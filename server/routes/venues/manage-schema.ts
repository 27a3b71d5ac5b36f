import { Type } from '@sinclair/typebox';
import {
  BOOKING_MODES,
  COORD_PRECISIONS,
  COORD_SYSTEMS,
  MINORS_ADMISSIONS,
  PUBLICATION_STATUSES,
  THEMES,
  VENUE_KINDS,
  VERIFICATION_STATUSES,
} from '../../../domain/vocab.ts';
import { Literals, Nullable } from '../../schemas/common.ts';
import { Photo, Text } from '../../schemas/venue-console.ts';

export const ClaimBody = Type.Object({ evidence: Text(1000) }, { additionalProperties: false });

export const VenueRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name_zh: Type.String(),
    name_en: Nullable(Type.String()),
    kinds: Type.Array(Literals(VENUE_KINDS)),
    themes: Type.Array(Literals(THEMES)),
    lng: Type.Number(),
    lat: Type.Number(),
    source_crs: Literals(COORD_SYSTEMS),
    coord_precision: Literals(COORD_PRECISIONS),
    location_checked_at: Nullable(Type.String({ format: 'date-time' })),
    adcode: Nullable(Type.String()),
    district_name: Nullable(Type.String()),
    address_zh: Nullable(Type.String()),
    address_en: Nullable(Type.String()),
    opening_hours: Nullable(Type.String()),
    hours_known: Type.Boolean(),
    minors_admission: Literals(MINORS_ADMISSIONS),
    admission_rule: Nullable(Type.String()),
    booking_mode: Literals(BOOKING_MODES),
    wheelchair: Nullable(Type.Boolean()),
    hearing: Nullable(Type.Boolean()),
    visual: Nullable(Type.Boolean()),
    cognitive: Nullable(Type.Boolean()),
    phone: Nullable(Type.String()),
    website: Nullable(Type.String()),
    email: Nullable(Type.String()),
    age_min: Nullable(Type.Integer()),
    age_max: Nullable(Type.Integer()),
    grade_min: Nullable(Type.Integer()),
    grade_max: Nullable(Type.Integer()),
    group_min: Nullable(Type.Integer()),
    group_max: Nullable(Type.Integer()),
    group_lead_days: Nullable(Type.Integer()),
    green_channel: Nullable(Type.Boolean()),
    status: Literals(PUBLICATION_STATUSES),
    verification_status: Literals(VERIFICATION_STATUSES),
    review_note: Nullable(Type.String({ description: 'Why the bureau rejected or suspended the venue' })),
    organisation: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })),
    photos: Type.Array(Photo),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'VenueRecord' },
);

export const ManagedVenueList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name_zh: Type.String(),
      adcode: Nullable(Type.String()),
      status: Literals(PUBLICATION_STATUSES),
      verification_status: Literals(VERIFICATION_STATUSES),
      review_note: Nullable(Type.String()),
      updated_at: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const Claim = Type.Object({
  id: Type.String({ format: 'uuid' }),
  venue_id: Type.String({ format: 'uuid' }),
  status: Literals(['pending', 'approved', 'rejected']),
  created_at: Type.String({ format: 'date-time' }),
});

export const OwnClaimList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      venue: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), adcode: Nullable(Type.String()) }),
      claimant: Type.String({ description: 'Who sent the claim (a member of the organisation)' }),
      status: Literals(['pending', 'approved', 'rejected']),
      reason: Nullable(Type.String({ description: 'Why the bureau rejected it' })),
      created_at: Type.String({ format: 'date-time' }),
      decided_at: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});
