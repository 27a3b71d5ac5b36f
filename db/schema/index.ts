/**
 * The whole schema, one file per domain. Bookings come with their own file here; venues, programmes and
 * slots already reference nothing they need.
 */
export * from './districts.ts';
export * from './people.ts';
export * from './sessions.ts';
export * from './venues.ts';
export * from './programmes.ts';
export * from './claims.ts';
export * from './calendar.ts';
export * from './hours.ts';
export * from './imports.ts';
export * from './outbox.ts';
export * from './audit.ts';
