import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { districtExists, smallestDistrictsAt } from '../../../db/queries/districts.ts';
import { refreshVenueHours } from '../../../db/queries/open-intervals.ts';
import { userOrganisationIds } from '../../../db/queries/users.ts';
import {
  EDITABLE_COLUMNS,
  insertVenue,
  lockVenueForReview,
  organisationVenues,
  pointValue,
  updateVenue,
  venueRecord,
  type EditableField,
  type VenueRecordRow,
  type VenueValues,
} from '../../../db/queries/venues.ts';
import { venueClaims } from '../../../db/schema/index.ts';
import { toWgs84 } from '../../../domain/crs.ts';
import { parseOpeningHours } from '../../../domain/hours/opening-hours.ts';
import type { CoordSystem } from '../../../domain/vocab.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { toPhoto } from '../photos/index.ts';
import {
  Claim,
  ClaimBody,
  CreateVenueBody,
  ManagedVenueList,
  PatchVenueBody,
  VenueIdParams,
  VenueRecord,
} from './manage-schema.ts';

const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;
/** Where records created in the console come from (`venues.source`). */
const CONSOLE_SOURCE = 'kaimen-console';

/**
 * The venue console's API: create a venue (it waits for the bureau of its district), edit it, list
 * one's own venues, claim an existing one. Managers act on their organisations' venues only.
 */
const manageVenueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(VenueRecord);

  app.get(
    '/api/manage/venues',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "The venues of the caller's organisations, whatever their status",
        operationId: 'listManagedVenues',
        response: { 200: ManagedVenueList, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const organisations = await userOrganisationIds(app.db, request.user!.id);
      const rows = await organisationVenues(app.db, organisations);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name_zh: r.nameZh,
          adcode: r.adcode,
          status: r.status,
          verification_status: r.verificationStatus,
          review_note: r.reviewNote,
          updated_at: r.updatedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/manage/venues/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'A venue as its managers edit it, drafts and suspended ones included',
        operationId: 'getManagedVenue',
        params: VenueIdParams,
        response: { 200: Type.Ref('VenueRecord'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireVenueManager(app.db, request.user!, request.params.id);
      return toVenueRecord((await venueRecord(app.db, request.params.id))!);
    },
  );

  app.post(
    '/api/venues',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Create a venue; it stays a draft until the bureau of its district approves it',
        description:
          '`lng`/`lat` are in `crs` (default wgs84; Amap and Tencent give gcj02, Baidu bd09) and are stored as WGS-84. ' +
          'Without `adcode` the district is found from the point.',
        operationId: 'createVenue',
        body: CreateVenueBody,
        response: { 201: Type.Ref('VenueRecord'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const body = request.body;
      const organisationId =
        user.role === 'admin' ? null : ((await userOrganisationIds(app.db, user.id))[0] ?? undefined);
      if (organisationId === undefined) throw Errors.noOrganisation();
      checkRanges(body);
      checkOpeningHours(body.opening_hours);
      const location = toWgs84((body.crs ?? 'wgs84') as CoordSystem, { lng: body.lng, lat: body.lat });
      const adcode = body.adcode ?? (await smallestDistrictsAt(app.db, [location]))[0] ?? null;
      if (body.adcode && !(await districtExists(app.db, body.adcode))) throw Errors.unknownAdcode(body.adcode);

      const id = await app.db.transaction(async (tx) => {
        const id = await insertVenue(tx, {
          ...editedValues(body),
          nameZh: body.name_zh.trim(),
          kinds: body.kinds,
          adcode,
          location: pointValue(location.lng, location.lat) as unknown as string,
          sourceCrs: body.crs ?? 'wgs84',
          coordPrecision: 'high',
          locationCheckedAt: new Date(),
          status: 'draft',
          verificationStatus: 'pending',
          organisationId,
          createdBy: user.id,
          source: CONSOLE_SOURCE,
        });
        if (body.opening_hours) await refreshVenueHours(tx, [id]);
        const created = toVenueRecord((await venueRecord(tx, id))!);
        await recordAudit(tx, request.actor, {
          action: 'venue.create',
          entityType: 'venue',
          entityId: id,
          adcode,
          after: created,
        });
        return id;
      });
      return reply.code(201).send(toVenueRecord((await venueRecord(app.db, id))!));
    },
  );

  app.patch(
    '/api/venues/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "Edit a venue's profile; moving the point marks it checked",
        description:
          'Send only the fields that change; null clears an optional one. `lng`/`lat` (in `crs`, default wgs84) move the point: ' +
          'a manager placing it on the true entrance makes it exact (`coord_precision` high, `location_checked_at` set).',
        operationId: 'updateVenue',
        params: VenueIdParams,
        body: PatchVenueBody,
        response: { 200: Type.Ref('VenueRecord'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      await requireVenueManager(app.db, request.user!, id);
      if ((body.lng === undefined) !== (body.lat === undefined)) {
        throw Errors.validation('lng and lat move the point together: give both');
      }
      if (body.crs !== undefined && body.lng === undefined) throw Errors.validation('crs goes with lng and lat');
      checkOpeningHours(body.opening_hours);
      if (body.adcode && !(await districtExists(app.db, body.adcode))) throw Errors.unknownAdcode(body.adcode);
      const values = editedValues(body);
      if (body.lng !== undefined && body.lat !== undefined) {
        const location = toWgs84((body.crs ?? 'wgs84') as CoordSystem, { lng: body.lng, lat: body.lat });
        Object.assign(values, {
          location: pointValue(location.lng, location.lat),
          sourceCrs: (body.crs ?? 'wgs84') as CoordSystem,
          coordPrecision: 'high',
          locationCheckedAt: new Date(),
        });
      }
      if (Object.keys(values).length === 0) throw Errors.emptyPatch();

      await app.db.transaction(async (tx) => {
        // Locked, so the audit's before is the state this edit replaced, even with edits racing.
        await lockVenueForReview(tx, id);
        const before = toVenueRecord((await venueRecord(tx, id))!);
        checkRanges({ ...before, ...body });
        await updateVenue(tx, id, values);
        if (body.opening_hours !== undefined) await refreshVenueHours(tx, [id]);
        const after = toVenueRecord((await venueRecord(tx, id))!);
        await recordAudit(tx, request.actor, {
          action: 'venue.update',
          entityType: 'venue',
          entityId: id,
          adcode: after.adcode,
          ...changes(before, after),
        });
      });
      invalidateVenueTiles(app);
      return toVenueRecord((await venueRecord(app.db, id))!);
    },
  );

  app.post(
    '/api/venues/:id/claims',
    {
      config: { access: { roles: ['venue_manager'] } },
      schema: {
        tags: ['venue console'],
        summary: 'Claim an existing venue for your organisation; the bureau of its district decides',
        operationId: 'claimVenue',
        params: VenueIdParams,
        body: ClaimBody,
        response: { 201: Claim, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const { id } = request.params;
      const organisationId = (await userOrganisationIds(app.db, user.id))[0];
      if (!organisationId) throw Errors.noOrganisation();
      const claim = await app.db.transaction(async (tx) => {
        const venue = await tx.query.venues.findFirst({
          columns: { id: true, adcode: true, organisationId: true },
          where: (v, { eq: equals }) => equals(v.id, id),
        });
        if (!venue) throw Errors.venueNotFound();
        if (venue.organisationId === organisationId) throw Errors.alreadyManaged();
        const [created] = await tx
          .insert(venueClaims)
          .values({ venueId: id, userId: user.id, organisationId, evidence: request.body.evidence.trim() })
          .onConflictDoNothing()
          .returning();
        if (!created) throw Errors.claimExists();
        await recordAudit(tx, request.actor, {
          action: 'claim.create',
          entityType: 'venue_claim',
          entityId: created.id,
          adcode: venue.adcode,
          after: { venue_id: id, organisation_id: organisationId, evidence: created.evidence },
        });
        return created;
      });
      return reply.code(201).send({
        id: claim.id,
        venue_id: claim.venueId,
        status: claim.status as 'pending',
        created_at: claim.createdAt.toISOString(),
      });
    },
  );
};

/** Drizzle values for the editable fields present in a body (null clears, absent leaves alone). */
function editedValues(body: Partial<Record<EditableField, unknown>>): VenueValues {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(EDITABLE_COLUMNS)) {
    const value = body[field as EditableField];
    if (value === undefined) continue;
    values[column] = typeof value === 'string' ? value.trim() : value;
  }
  return values as VenueValues;
}

type Ranged = Partial<Record<string, unknown>>;

/** Lower bounds must not exceed upper ones (the database checks too; this says which). */
export function checkRanges(values: Ranged): void {
  for (const [low, high] of [
    ['age_min', 'age_max'],
    ['grade_min', 'grade_max'],
    ['group_min', 'group_max'],
  ] as const) {
    const a = values[low];
    const b = values[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      throw Errors.invalidRange(low, `${a} is above ${high} ${b}`);
    }
  }
}

function checkOpeningHours(text: string | null | undefined): void {
  if (!text) return;
  try {
    parseOpeningHours(text.trim());
  } catch (error) {
    throw Errors.invalidOpeningHours(`opening_hours is not valid OSM syntax: ${(error as Error).message}`);
  }
}

/** The fields that differ, before and after, for the audit log. */
function changes(
  before: VenueRecord,
  after: VenueRecord,
): { before: Partial<VenueRecord>; after: Partial<VenueRecord> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof VenueRecord)[]) {
    if (key === 'updated_at' || key === 'photos') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export function toVenueRecord(row: VenueRecordRow): VenueRecord {
  const v = row.venue;
  return {
    id: v.id,
    name_zh: v.nameZh,
    name_en: v.nameEn,
    kinds: v.kinds as VenueRecord['kinds'],
    themes: v.themes as VenueRecord['themes'],
    lng: row.lng,
    lat: row.lat,
    source_crs: v.sourceCrs as VenueRecord['source_crs'],
    coord_precision: v.coordPrecision as VenueRecord['coord_precision'],
    location_checked_at: v.locationCheckedAt?.toISOString() ?? null,
    adcode: v.adcode,
    district_name: row.districtName,
    address_zh: v.addressZh,
    address_en: v.addressEn,
    opening_hours: v.openingHours,
    hours_known: v.hoursKnown,
    minors_admission: v.minorsAdmission as VenueRecord['minors_admission'],
    admission_rule: v.admissionRule,
    booking_mode: v.bookingMode as VenueRecord['booking_mode'],
    wheelchair: v.wheelchair,
    hearing: v.hearing,
    visual: v.visual,
    cognitive: v.cognitive,
    phone: v.phone,
    website: v.website,
    email: v.email,
    age_min: v.ageMin,
    age_max: v.ageMax,
    grade_min: v.gradeMin,
    grade_max: v.gradeMax,
    group_min: v.groupMin,
    group_max: v.groupMax,
    group_lead_days: v.groupLeadDays,
    green_channel: v.greenChannel,
    status: v.status as VenueRecord['status'],
    verification_status: v.verificationStatus as VenueRecord['verification_status'],
    review_note: v.reviewNote,
    organisation:
      v.organisationId && row.organisationName ? { id: v.organisationId, name: row.organisationName } : null,
    photos: row.photos.map(toPhoto),
    updated_at: v.updatedAt.toISOString(),
  };
}

export default manageVenueRoutes;
