/**
 * The whole schema, one file per domain. Accounts (users, memberships, login sessions) and bookings
 * come with their own files here; venues, programmes and slots already reference nothing they need.
 */
export * from './districts.ts';
export * from './venues.ts';
export * from './programmes.ts';
export * from './calendar.ts';
export * from './hours.ts';
export * from './imports.ts';
