import type { ProgrammeRow } from '../../db/queries/programmes.ts';
import type { PublicationStatus } from '../../domain/vocab.ts';

/** A programme as its venue's managers see it (and the audit log keeps it). */
export function presentProgramme(p: ProgrammeRow) {
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
    status: p.status as PublicationStatus,
    review_note: p.reviewNote,
  };
}
