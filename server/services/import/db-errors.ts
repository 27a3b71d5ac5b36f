/**
 * Telling a row the database refuses (retry it alone, report it) from a database that is failing (stop
 * the job), on either engine: postgres.js and PGlite both give the SQLSTATE as `code`, under drizzle's
 * wrapper.
 */

/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Data exceptions (22) and constraint violations (23) are about a row; anything else is about the database. */
export function isRowProblem(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}

/** The database's own words for a refused row, without drizzle's "Failed query" text and parameters. */
export function databaseMessage(error: unknown): string {
  let message = 'the database refused the row';
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (!e.message.startsWith('Failed query')) message = `the database refused the row: ${e.message}`;
  }
  return message;
}
