import type { SessionUser } from '../../db/queries/sessions.ts';
import type { Role } from '../../domain/vocab.ts';

/**
 * Who may call a route, declared on the route itself (`config: { access }`) and checked before its body
 * is read. Every write route must declare one, or the app refuses to start; ownership (this venue, this
 * region) is checked inside the handler, where the resource is known.
 *
 * - `public`: anyone, signed in or not (sign-up, login)
 * - `signed_in`: any account
 * - `{ roles }`: accounts with one of these roles
 */
export type Access = 'public' | 'signed_in' | { roles: readonly Role[] };

/** The signed-in user of a request. */
export type CurrentUser = SessionUser;

/** Why a request was refused, before the route ran. */
export type AccessDenial = 'AUTH_REQUIRED' | 'FORBIDDEN';

/** Whether `user` passes `access` (ownership aside). */
export function checkAccess(access: Access, user: CurrentUser | null): AccessDenial | undefined {
  if (access === 'public') return undefined;
  if (!user) return 'AUTH_REQUIRED';
  if (access === 'signed_in') return undefined;
  return access.roles.includes(user.role) ? undefined : 'FORBIDDEN';
}

/** True when the adcode lies in the region a bureau oversees (an admin oversees every region). */
export function oversees(user: CurrentUser, adcode: string | null): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'bureau' || !user.regionPrefix || !adcode) return false;
  return adcode.startsWith(user.regionPrefix);
}

/** The adcode prefix a bureau oversees: '' (every region) for an admin, none for anyone else. */
export function regionOf(user: CurrentUser): string {
  if (user.role === 'admin') return '';
  // A bureau without a region sees nothing: no adcode starts with NUL.
  return user.role === 'bureau' && user.regionPrefix ? user.regionPrefix : '\u0000';
}

/** Describes an access rule for the OpenAPI document. */
export function describeAccess(access: Access): string {
  if (access === 'public') return 'Open to anyone.';
  if (access === 'signed_in') return 'Requires a signed-in account.';
  return `Requires the role ${access.roles.join(' or ')}.`;
}
