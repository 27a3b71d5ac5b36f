import type { UserAffiliations, UserRow } from '../../db/queries/users.ts';

/**
 * The signed-in account as `GET /api/me`, sign-up and sign-in answer it: who they are, their
 * organisations and school memberships, and the session's CSRF token for writes.
 */
export function presentMe(user: UserRow, affiliations: UserAffiliations, csrfToken: string) {
  return {
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    region_prefix: user.regionPrefix,
    organisations: affiliations.organisations.map((o) => ({ id: o.id, name: o.name, staff_role: o.staffRole })),
    schools: affiliations.schools.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      status: s.status,
      verification_status: s.verificationStatus,
      lng: s.lng,
      lat: s.lat,
    })),
    csrf_token: csrfToken,
  };
}
