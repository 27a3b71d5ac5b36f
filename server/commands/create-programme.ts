import type { Db } from '../../db/client.ts';
import { insertProgramme, type ProgrammeRow, type ProgrammeValues } from '../../db/queries/programmes.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { presentProgramme } from '../presenters/programme.ts';
import type { CreateProgrammeBody, PatchProgrammeBody } from '../schemas/programme-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { checkRanges } from './ranges.ts';

export interface CreateProgrammeInput {
  venueId: string;
  fields: CreateProgrammeBody;
}

/** A venue's manager adds a programme to it (published at once, as a venue's offer is). Audited. */
export async function createProgramme(
  tx: Db,
  actor: SignedInActor,
  input: CreateProgrammeInput,
): Promise<ProgrammeRow> {
  const venue = await requireVenueManager(tx, actor.user, input.venueId);
  checkRanges(input.fields);
  const row = await insertProgramme(tx, {
    venueId: venue.id,
    ...programmeValues(input.fields),
    titleZh: input.fields.title_zh.trim(),
  });
  await recordAudit(tx, actor, {
    action: 'programme.create',
    entityType: 'programme',
    entityId: row.id,
    adcode: venue.adcode,
    after: presentProgramme(row),
  });
  return row;
}

/** Column values for the fields a body gives (null clears, absent leaves alone), texts trimmed. */
export function programmeValues(fields: PatchProgrammeBody): ProgrammeValues {
  const trim = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : v);
  const values: ProgrammeValues = {
    titleZh: trim(fields.title_zh) ?? undefined,
    titleEn: trim(fields.title_en),
    description: trim(fields.description),
    delivery: fields.delivery,
    themes: fields.themes,
    gradeMin: fields.grade_min,
    gradeMax: fields.grade_max,
    ageMin: fields.age_min,
    ageMax: fields.age_max,
    durationMinutes: fields.duration_minutes,
    groupMin: fields.group_min,
    groupMax: fields.group_max,
    pricePerHeadFen: fields.price_per_head_fen,
    volunteer: fields.volunteer,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
