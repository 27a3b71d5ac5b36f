import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.ts';

/**
 * A signed-in user's login session. The cookie holds a random token; only its SHA-256 is stored, so a
 * leaked table lets nobody sign in. Revoking (logout, password reset) sets `revokedAt`.
 */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, hex. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back as the X-CSRF-Token header on every cookie-authenticated write. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    check('sessions_expire_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
    index('sessions_user_idx').on(t.userId),
  ],
);

/** A one-time password-reset token (hashed like session tokens), valid for a short time. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
