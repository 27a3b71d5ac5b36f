import { resolve } from '$app/paths';
import type { Role } from '$lib/manage/types';

/** Where an account lands after signing in: its console, or the map for parents and teachers. */
export function homeOf(role: Role): string {
  if (role === 'venue_manager' || role === 'admin') return resolve('/manage');
  if (role === 'bureau') return resolve('/bureau');
  return resolve('/');
}
