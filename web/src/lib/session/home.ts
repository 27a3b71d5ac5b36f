import { resolve } from '$app/paths';
import type { Role } from '$lib/manage/types';

/** The console of a role, or null for roles that have none (parents). */
export function consoleOf(role: Role): string | null {
  if (role === 'venue_manager' || role === 'admin') return resolve('/manage');
  if (role === 'bureau') return resolve('/bureau');
  // Teachers see there whether their school has confirmed them; school admins confirm teachers.
  if (role === 'teacher' || role === 'school_admin') return resolve('/school');
  return null;
}

/** Where an account lands after signing in: its console, or the map for the rest. */
export function homeOf(role: Role): string {
  return consoleOf(role) ?? resolve('/');
}
