/** Pure helpers of the slot form: Shanghai dates and times to API values. */

/** ISO weekdays, Monday = 1 … Sunday = 7, in the form's order. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A `datetime-local` value (Beijing wall-clock, no zone) as an ISO instant with +08:00. */
export function shanghaiInstant(local: string): string {
  const [date, time = '00:00'] = local.split('T');
  return `${date}T${time.slice(0, 5)}:00+08:00`;
}

/** Dates typed as a list (commas, spaces, Chinese commas or new lines), well-formed ones only, unique. */
export function parseDateList(text: string): { dates: string[]; invalid: string[] } {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  const dates: string[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(part) && !Number.isNaN(Date.parse(`${part}T00:00:00Z`))) {
      if (!dates.includes(part)) dates.push(part);
    } else invalid.push(part);
  }
  return { dates, invalid };
}

/** The Shanghai date `days` after today (for the form's defaults). */
export function shanghaiDatePlus(days: number, now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
