import type { Config } from './config.ts';

/** Hosts that only this machine can reach. */
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * What start-up must say loudly about a configuration that is unsafe where other people can reach it
 * (server.ts prints each line). Demo mode on a non-loopback HOST: the demo accounts' password is in the
 * README, the admin's included, so anyone on that network can sign in as any of them.
 */
export function startWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (!config.rateLimits) {
    warnings.push(
      'WARNING: KAIMEN_RATE_LIMITS=off: logins and sign-ups are not rate-limited. For load tests only, never in production.',
    );
  }
  if (config.demo && !LOOPBACK_HOSTS.test(config.host)) {
    const bar = '!'.repeat(100);
    warnings.push(
      bar,
      `WARNING: DEMO MODE (KAIMEN_DEMO=on) IS LISTENING ON HOST=${config.host}, reachable from other machines.`,
      'Everyone who can reach this address can sign in with the demo accounts, the admin included: their',
      'password is in the README. Accounts people register here are not safe: do not use it for real people.',
      'The dev mailbox (/dev/mailbox) answers only on this machine or to an admin. For a real deployment set',
      'DATABASE_URL (demo mode is then off), or KAIMEN_DEMO=off, or HOST=127.0.0.1 for a demo on this machine.',
      bar,
    );
  }
  return warnings;
}
