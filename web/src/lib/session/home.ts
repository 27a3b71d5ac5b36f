import { resolve } from '$app/paths';
import type { Role } from '$lib/manage/types';

/** The console of a role, or null for roles that have none (parents). */
export function consoleOf(role: Role): string | null {
  if (role === 'venue_manager' || role === 'admin') return resolve('/manage');
  if (role === 'bureau') return resolve('/bureau');
  return null;
}

/** Where an account lands after signing in: its console, or the map for the rest. */
export function homeOf(role: Role): string {
  return consoleOf(role) ?? resolve('/');
}
