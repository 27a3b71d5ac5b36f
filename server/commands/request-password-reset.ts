import type { Db } from '../../db/client.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { insertPasswordReset } from '../../db/queries/sessions.ts';
import { findUserForLogin } from '../../db/queries/users.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { passwordResetMessage } from '../messages/password-reset.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** How long a reset link works. */
export const RESET_MINUTES = 30;

export interface PasswordResetRequest {
  /** The account's email, lower-cased. */
  email: string;
  /** The web page that sets a new password (`…/reset-password`); the link adds the token to it. */
  resetPageUrl: string;
}

/**
 * Sends a one-time reset link to an account's address through the outbox: the token is stored only as
 * its hash and works for RESET_MINUTES. An unknown or disabled account gets nothing and leaves no trace,
 * so the caller's answer can be the same either way. Audited. True when a link was sent.
 */
export async function requestPasswordReset(tx: Db, actor: Actor, input: PasswordResetRequest): Promise<boolean> {
  const user = await findUserForLogin(tx, input.email);
  if (!user || user.disabledAt) return false;
  const token = randomToken();
  await insertPasswordReset(tx, {
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
  });
  await enqueueMessage(
    tx,
    user.email,
    passwordResetMessage({
      recipientName: user.displayName,
      link: `${input.resetPageUrl}?token=${token}`,
      validMinutes: RESET_MINUTES,
    }),
  );
  await recordAudit(tx, actor, { action: 'user.password_reset_request', entityType: 'user', entityId: user.id });
  return true;
}
