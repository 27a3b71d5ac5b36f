import type { Db } from '../../db/client.ts';
import { consumePasswordReset, revokePasswordResets, revokeUserSessions } from '../../db/queries/sessions.ts';
import { setPassword } from '../../db/queries/users.ts';
import { hashToken } from '../auth/tokens.ts';
import { Errors } from '../errors.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface ResetPasswordInput {
  /** The token of the reset link. */
  token: string;
  /** The new password, hashed (argon2 runs before the transaction). */
  passwordHash: string;
}

/**
 * Sets a new password with a reset link's token, which works once (INVALID_RESET_TOKEN when unknown,
 * used or expired), ends every other reset link of the account still outstanding, and signs the
 * account out everywhere. Audited with the number of sessions and links ended.
 */
export async function resetPassword(
  tx: Db,
  actor: Actor,
  input: ResetPasswordInput,
): Promise<{ userId: string; sessionsRevoked: number; resetsRevoked: number }> {
  const userId = await consumePasswordReset(tx, hashToken(input.token));
  if (!userId) throw Errors.invalidResetToken();
  await setPassword(tx, userId, input.passwordHash);
  const sessionsRevoked = await revokeUserSessions(tx, userId);
  const resetsRevoked = await revokePasswordResets(tx, userId);
  await recordAudit(tx, actor, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: userId,
    after: { sessions_revoked: sessionsRevoked, resets_revoked: resetsRevoked },
  });
  return { userId, sessionsRevoked, resetsRevoked };
}
