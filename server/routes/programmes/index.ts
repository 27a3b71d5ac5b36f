import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asc, eq } from 'drizzle-orm';
import { programmes } from '../../../db/schema/index.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { VenueIdParams } from '../venues/manage-schema.ts';
import { checkRanges } from '../venues/manage.ts';
import {
  CreateProgrammeBody,
  PatchProgrammeBody,
  Programme,
  ProgrammeIdParams,
  type PatchProgrammeBody as PatchBody,
} from './schema.ts';

const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;
type ProgrammeRow = typeof programmes.$inferSelect;

/** The console's programmes: activities and courses a venue runs on site or brings to schools. */
const programmeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(Programme);

  app.get(
    '/api/manage/venues/:id/programmes',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "A venue's programmes, suspended ones included",
        operationId: 'listManagedProgrammes',
        params: VenueIdParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Programme')) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      await requireVenueManager(app.db, request.user!, request.params.id);
      const rows = await app.db
        .select()
        .from(programmes)
        .where(eq(programmes.venueId, request.params.id))
        .orderBy(asc(programmes.titleZh), asc(programmes.id));
      return { items: rows.map(toProgramme) };
    },
  );

  app.post(
    '/api/venues/:id/programmes',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Add a programme to a venue',
        operationId: 'createProgramme',
        params: VenueIdParams,
        body: CreateProgrammeBody,
        response: { 201: Type.Ref('Programme'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const venue = await requireVenueManager(app.db, request.user!, request.params.id);
      checkRanges(request.body);
      const created = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(programmes)
          .values({ venueId: venue.id, ...values(request.body), titleZh: request.body.title_zh.trim() })
          .returning();
        const programme = toProgramme(row!);
        await recordAudit(tx, request.actor, {
          action: 'programme.create',
          entityType: 'programme',
          entityId: programme.id,
          adcode: venue.adcode,
          after: programme,
        });
        return programme;
      });
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/programmes/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Edit a programme (a suspended one stays suspended until its bureau reinstates it)',
        operationId: 'updateProgramme',
        params: ProgrammeIdParams,
        body: PatchProgrammeBody,
        response: { 200: Type.Ref('Programme'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const [current] = await app.db.select().from(programmes).where(eq(programmes.id, request.params.id));
      if (!current) throw Errors.programmeNotFound();
      const venue = await requireVenueManager(app.db, request.user!, current.venueId);
      return app.db.transaction(async (tx) => {
        // Re-read under a lock: the audit's before is exactly what this edit replaces.
        const [locked] = await tx.select().from(programmes).where(eq(programmes.id, current.id)).for('update');
        const before = toProgramme(locked!);
        checkRanges({ ...before, ...request.body });
        const [row] = await tx
          .update(programmes)
          .set({ ...values(request.body), updatedAt: new Date() })
          .where(eq(programmes.id, current.id))
          .returning();
        const after = toProgramme(row!);
        await recordAudit(tx, request.actor, {
          action: 'programme.update',
          entityType: 'programme',
          entityId: current.id,
          adcode: venue.adcode,
          before,
          after,
        });
        return after;
      });
    },
  );
};

function values(body: PatchBody): Partial<typeof programmes.$inferInsert> {
  const trim = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : v);
  const out: Partial<typeof programmes.$inferInsert> = {
    titleZh: trim(body.title_zh) ?? undefined,
    titleEn: trim(body.title_en),
    description: trim(body.description),
    delivery: body.delivery,
    themes: body.themes,
    gradeMin: body.grade_min,
    gradeMax: body.grade_max,
    ageMin: body.age_min,
    ageMax: body.age_max,
    durationMinutes: body.duration_minutes,
    groupMin: body.group_min,
    groupMax: body.group_max,
    pricePerHeadFen: body.price_per_head_fen,
    volunteer: body.volunteer,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function toProgramme(p: ProgrammeRow): Programme {
  return {
    id: p.id,
    venue_id: p.venueId,
    title_zh: p.titleZh,
    title_en: p.titleEn,
    description: p.description,
    delivery: p.delivery,
    themes: p.themes,
    grade_min: p.gradeMin,
    grade_max: p.gradeMax,
    age_min: p.ageMin,
    age_max: p.ageMax,
    duration_minutes: p.durationMinutes,
    group_min: p.groupMin,
    group_max: p.groupMax,
    price_per_head_fen: p.pricePerHeadFen,
    volunteer: p.volunteer,
    status: p.status as Programme['status'],
    review_note: p.reviewNote,
  };
}

export default programmeRoutes;
