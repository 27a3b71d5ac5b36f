import { hash, verify } from '@node-rs/argon2';
import { Errors } from '../errors.ts';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended minimum), about
 * 50 ms per hash on this class of machine.
 */
// 2 is Algorithm.Argon2id, a const enum this module syntax cannot import.
const OPTIONS = { algorithm: 2 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of no one's password, verified against when an email is unknown so both answers take as long. */
let decoy: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    decoy ??= hashPassword('decoy password that matches no account');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Refuses a new password that equals the email or its name part (WEAK_PASSWORD); the schema checks length. */
export function refuseWeakPassword(password: string, email: string): void {
  const lower = password.toLowerCase();
  if (lower === email || lower === email.split('@')[0]) {
    throw Errors.weakPassword('the password must not be your email address');
  }
}
