import { Type, type Static } from '@sinclair/typebox';
import { CLAIM_STATUSES, PUBLICATION_STATUSES, VENUE_KINDS, VERIFICATION_STATUSES } from '../../../domain/vocab.ts';
import { Id, Literals, Nullable } from '../../schemas/common.ts';
import { QueuedSchoolClaim } from '../../schemas/school-fields.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** Why the bureau rejects or suspends: shown to the venue's managers and kept in the audit log. */
export const Reason = Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S', description: 'Not blank' });

export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBody>;

/** Why the bureau lifts a suspension: told to the venue's managers and kept in the audit log. */
export const NoteBody = Type.Object({ note: Reason }, { additionalProperties: false });
export type NoteBody = Static<typeof NoteBody>;

/** The region a bureau oversees, by name. */
export const Region = Type.Object({
  prefix: Nullable(
    Type.String({
      description: "The adcode prefix of the region: '' for an admin (every region), null for a bureau without one",
    }),
  ),
  name_zh: Nullable(
    Type.String({
      description: 'Its name from the shipped division codes, e.g. 北京市 or 北京市 东城区; null for every region',
    }),
  ),
  name_en: Nullable(
    Type.String({ description: 'The English name of a province-level region; null where there is none' }),
  ),
});

export const QueuedVenue = Type.Object({
  id: Id,
  name: Type.String(),
  adcode: Nullable(Type.String()),
  district_name: Nullable(Type.String()),
  address: Nullable(Type.String()),
  kinds: Type.Array(Literals(VENUE_KINDS)),
  organisation_name: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  created_at: DateTime,
});

export const QueuedClaim = Type.Object({
  id: Uuid,
  venue: Type.Object({
    id: Id,
    name: Type.String(),
    adcode: Nullable(Type.String()),
    status: Literals(PUBLICATION_STATUSES),
    verification_status: Literals(VERIFICATION_STATUSES),
    managed: Type.Boolean({ description: 'True when an organisation runs the venue now (approval replaces it)' }),
  }),
  claimant: Type.Object({ id: Uuid, display_name: Type.String(), email: Type.String() }),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  evidence: Type.String(),
  created_at: DateTime,
});

export const Queue = Type.Object({
  venues: Type.Array(QueuedVenue, { description: 'New venues waiting for verification, oldest first' }),
  claims: Type.Array(QueuedClaim, { description: 'Claims of existing venues waiting for a decision, oldest first' }),
  schools: Type.Array(Type.Ref('School'), { description: 'New schools waiting for verification, oldest first' }),
  school_claims: Type.Array(QueuedSchoolClaim, {
    description: 'Claims of listed schools waiting for a decision, oldest first',
  }),
});

export type Queue = Static<typeof Queue>;

export const VenueReview = Type.Object({
  id: Id,
  name: Type.String(),
  adcode: Nullable(Type.String()),
  status: Literals(PUBLICATION_STATUSES),
  verification_status: Literals(VERIFICATION_STATUSES),
  review_note: Nullable(Type.String({ description: 'Why the venue was rejected or suspended' })),
});
export type VenueReview = Static<typeof VenueReview>;

export const ClaimDecision = Type.Object({
  id: Uuid,
  venue_id: Id,
  organisation_id: Uuid,
  status: Literals(CLAIM_STATUSES),
  reason: Nullable(Type.String()),
  decided_at: Nullable(DateTime),
  rejected_claims: Type.Array(Uuid, {
    description: 'Other pending claims of the venue, rejected because this one was approved',
  }),
});

export type ClaimDecision = Static<typeof ClaimDecision>;

export const ProgrammeReview = Type.Object({
  id: Id,
  venue_id: Id,
  title: Type.String(),
  status: Literals(PUBLICATION_STATUSES),
  review_note: Nullable(Type.String()),
});
export type ProgrammeReview = Static<typeof ProgrammeReview>;
