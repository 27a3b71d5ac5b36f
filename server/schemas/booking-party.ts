import { Type, type Static } from '@sinclair/typebox';
import { ACCESSIBILITY_NEEDS, AGE_BANDS, GRADE_MAX, GRADE_MIN } from '../../domain/vocab.ts';
import { Literals } from './common.ts';

const Uuid = Type.String({ format: 'uuid' });
const Count = (description: string, maximum = 500) => Type.Integer({ minimum: 0, maximum, description });

/** A family's party: adults, and children counted by age band. Children are never named. */
export const FamilyParty = Type.Object(
  {
    slot_id: Uuid,
    kind: Type.Literal('family'),
    adults: Count('Grown-ups coming (at least one)', 50),
    children_by_band: Type.Object(
      Object.fromEntries(AGE_BANDS.map((band) => [band, Type.Optional(Count(`Children aged ${band}`, 50))])),
      {
        additionalProperties: false,
        description: 'Children per age band; counts only — Kaimen never asks for or stores a child’s name',
      },
    ),
  },
  { additionalProperties: false },
);

/** A school group: a class's pupils with their teachers, for a school the booker teaches at. */
export const GroupParty = Type.Object(
  {
    slot_id: Uuid,
    kind: Type.Literal('group'),
    school_id: Uuid,
    pupils: Count('Pupils coming', 2000),
    adults: Count('Teachers and other adults coming (at least one)', 200),
    grade: Type.Integer({ minimum: GRADE_MIN, maximum: GRADE_MAX, description: '0 = kindergarten, 1–12' }),
    access_needs: Type.Optional(
      Type.Array(Literals(ACCESSIBILITY_NEEDS), { uniqueItems: true, maxItems: ACCESSIBILITY_NEEDS.length }),
    ),
    note: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'For the venue (e.g. arrival by coach). Do not write any child’s name here.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BookingBody = Type.Union([FamilyParty, GroupParty], { description: 'A family or a school group' });
export type BookingBody = Static<typeof BookingBody>;

/** A party joining a slot's waitlist: a booking's body without the slot, which the path names. */
export const WaitlistBody = Type.Union(
  [
    Type.Omit(FamilyParty, ['slot_id'], { additionalProperties: false }),
    Type.Omit(GroupParty, ['slot_id'], { additionalProperties: false }),
  ],
  { description: 'A family or a school group, as a booking has it' },
);
export type WaitlistBody = Static<typeof WaitlistBody>;
