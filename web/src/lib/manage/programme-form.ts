import type { ManagedProgramme, ProgrammePatch } from './types';

/** What the programme form edits, as a person types it (the price in yuan). */
export interface ProgrammeDraft {
  title: string;
  description: string;
  delivery: 'on_site' | 'outreach';
  priceYuan: number;
}

/** The form's starting values for a programme. */
export function draftOf(programme: ManagedProgramme): ProgrammeDraft {
  return {
    title: programme.title_zh,
    description: programme.description ?? '',
    delivery: programme.delivery === 'outreach' ? 'outreach' : 'on_site',
    priceYuan: programme.price_per_head_fen / 100,
  };
}

/** Yuan as typed (maybe empty or negative) to whole fen, never below zero. */
export function yuanToFen(yuan: number): number {
  return Number.isFinite(yuan) && yuan > 0 ? Math.round(yuan * 100) : 0;
}

/**
 * The PATCH body for what changed between the programme and the form, or null when nothing did (the
 * API refuses an empty change). A cleared description is sent as null, which removes it.
 */
export function programmeChanges(programme: ManagedProgramme, draft: ProgrammeDraft): ProgrammePatch | null {
  const patch: ProgrammePatch = {};
  const title = draft.title.trim();
  if (title && title !== programme.title_zh) patch.title_zh = title;
  const description = draft.description.trim() || null;
  if (description !== (programme.description ?? null)) patch.description = description;
  if (draft.delivery !== programme.delivery) patch.delivery = draft.delivery;
  const fen = yuanToFen(draft.priceYuan);
  if (fen !== programme.price_per_head_fen) patch.price_per_head_fen = fen;
  return Object.keys(patch).length ? patch : null;
}
