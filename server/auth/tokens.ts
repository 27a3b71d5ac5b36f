import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token with 256 bits of entropy (session cookies, CSRF tokens, reset links). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of a token: its SHA-256, hex. Tokens are random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
