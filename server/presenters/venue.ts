import type { PublicVenueRow, VenueSearchRow } from '../../db/queries/venue-search.ts';
import type { organisationVenues, VenueRecordRow } from '../../db/queries/venues.ts';
import type { VenueHours } from '../../domain/hours/venue-hours.ts';
import type {
  BookingMode,
  CoordPrecision,
  CoordSystem,
  MinorsAdmission,
  PublicationStatus,
  Theme,
  VenueKind,
  VerificationStatus,
} from '../../domain/vocab.ts';
import { presentPhoto } from './photo.ts';

/** A venue as search lists it (the properties of its GeoJSON feature too). */
export function presentVenueSummary(row: VenueSearchRow) {
  return {
    id: row.id,
    name: row.nameZh,
    name_en: row.nameEn,
    kinds: row.kinds as VenueKind[],
    themes: row.themes as Theme[],
    lng: row.lng,
    lat: row.lat,
    distance_m: row.distanceM,
    address: row.addressZh,
    adcode: row.adcode,
    minors_admission: row.minorsAdmission as MinorsAdmission,
    coord_precision: row.coordPrecision as CoordPrecision,
  };
}

/** A listed venue as a GeoJSON Point feature, its summary as the properties. */
export function presentVenueFeature(summary: ReturnType<typeof presentVenueSummary>) {
  return {
    type: 'Feature' as const,
    id: summary.id,
    geometry: { type: 'Point' as const, coordinates: [summary.lng, summary.lat] },
    properties: summary,
  };
}

/** A published venue with everything its page shows, and its hours as of the moment asked. */
export function presentVenueDetail(row: PublicVenueRow, hours: VenueHours) {
  const { venue } = row;
  return {
    id: venue.id,
    name: venue.nameZh,
    name_en: venue.nameEn,
    kinds: venue.kinds,
    themes: venue.themes,
    lng: row.lng,
    lat: row.lat,
    address: venue.addressZh,
    address_en: venue.addressEn,
    adcode: venue.adcode,
    district:
      venue.adcode && row.districtName
        ? { adcode: venue.adcode, name: row.districtName, city: row.cityName, province: row.provinceName }
        : null,
    source_crs: venue.sourceCrs,
    coord_precision: venue.coordPrecision,
    opening_hours: venue.openingHours,
    minors_admission: venue.minorsAdmission,
    admission_rule: venue.admissionRule,
    booking_mode: venue.bookingMode,
    accessibility: {
      wheelchair: venue.wheelchair,
      hearing: venue.hearing,
      visual: venue.visual,
      cognitive: venue.cognitive,
    },
    contacts: { phone: venue.phone, website: venue.website, email: venue.email },
    suitability: {
      age_min: venue.ageMin,
      age_max: venue.ageMax,
      grade_min: venue.gradeMin,
      grade_max: venue.gradeMax,
    },
    hours,
    group_policy: {
      min_size: venue.groupMin,
      max_size: venue.groupMax,
      lead_days: venue.groupLeadDays,
      green_channel: row.offersGreenChannel,
    },
    designations: row.designations.map((d) => ({
      title: d.title,
      issuer: d.issuer,
      level: d.level,
      year: d.year,
      revoked: d.revokedAt !== null,
    })),
    verification_status: venue.verificationStatus,
    provenance: {
      source: venue.source,
      source_ref: venue.sourceRef,
      note: venue.sourceNote,
      updated_at: venue.updatedAt.toISOString(),
    },
  };
}

/** A venue as its managers edit it, drafts and suspended ones included (and as the audit log keeps it). */
export function presentVenueRecord(row: VenueRecordRow) {
  const v = row.venue;
  return {
    id: v.id,
    name_zh: v.nameZh,
    name_en: v.nameEn,
    kinds: v.kinds as VenueKind[],
    themes: v.themes as Theme[],
    lng: row.lng,
    lat: row.lat,
    source_crs: v.sourceCrs as CoordSystem,
    coord_precision: v.coordPrecision as CoordPrecision,
    location_checked_at: v.locationCheckedAt?.toISOString() ?? null,
    adcode: v.adcode,
    district_name: row.districtName,
    address_zh: v.addressZh,
    address_en: v.addressEn,
    opening_hours: v.openingHours,
    hours_known: v.hoursKnown,
    minors_admission: v.minorsAdmission as MinorsAdmission,
    admission_rule: v.admissionRule,
    booking_mode: v.bookingMode as BookingMode,
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
    status: v.status as PublicationStatus,
    verification_status: v.verificationStatus as VerificationStatus,
    review_note: v.reviewNote,
    organisation:
      v.organisationId && row.organisationName ? { id: v.organisationId, name: row.organisationName } : null,
    photos: row.photos.map(presentPhoto),
    updated_at: v.updatedAt.toISOString(),
  };
}
export type VenueRecord = ReturnType<typeof presentVenueRecord>;

/** One of the venues a manager's organisations run, with its review state. */
export function presentManagedVenue(r: Awaited<ReturnType<typeof organisationVenues>>[number]) {
  return {
    id: r.id,
    name_zh: r.nameZh,
    adcode: r.adcode,
    status: r.status as PublicationStatus,
    verification_status: r.verificationStatus as VerificationStatus,
    review_note: r.reviewNote,
    updated_at: r.updatedAt.toISOString(),
  };
}
