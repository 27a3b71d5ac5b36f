/**
 * Places left in a slot, per allocation. The school allocation is reserved for verified school groups
 * until its release time; afterwards its unused places return to the public (PRODUCT.md, rule 3).
 */
export interface SlotPlaces {
  capacity: number;
  schoolAllocation: number;
  allocationReleaseAt: Date | null;
  /** Places taken by the public and by school groups (confirmed + pending + held). */
  takenPublic: number;
  takenSchool: number;
}

export interface PlacesLeft {
  /** Every place still free. */
  total: number;
  /** Free places anyone may book now. */
  public: number;
  /** Free places only verified school groups may book now (0 once released). */
  school: number;
}

export function placesLeft(slot: SlotPlaces, now: Date): PlacesLeft {
  const total = Math.max(0, slot.capacity - slot.takenPublic - slot.takenSchool);
  const released = slot.allocationReleaseAt === null || now >= slot.allocationReleaseAt;
  if (released) return { total, public: total, school: 0 };
  const school = Math.max(0, Math.min(total, slot.schoolAllocation - slot.takenSchool));
  return { total, public: total - school, school };
}
