/** The whole schema, one file per domain. */
export * from './districts.ts';
export * from './people.ts';
export * from './sessions.ts';
export * from './venues.ts';
export * from './programmes.ts';
export * from './claims.ts';
export * from './bookings.ts';
export * from './calendar.ts';
export * from './hours.ts';
export * from './imports.ts';
export * from './outbox.ts';
export * from './audit.ts';
