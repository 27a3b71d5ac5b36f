import { ApiError } from './errors.ts';

/**
 * The errors of account administration (server/commands/*-user.ts, `npm run admin:create`), each with
 * its stable code, kept beside server/errors.ts.
 */
export const AdminErrors = {
  userNotFound: () => new ApiError(404, 'USER_NOT_FOUND', 'no account with that id'),
  regionNotFound: () =>
    new ApiError(400, 'REGION_NOT_FOUND', 'no province, city or district with that adcode (choose one by name)'),
  regionRequired: () =>
    new ApiError(400, 'REGION_REQUIRED', 'a bureau account oversees a region: choose a province, city or district'),
  regionNotForRole: () => new ApiError(400, 'REGION_NOT_FOR_ROLE', 'only bureau accounts have a region'),
  notYourself: (what: string) =>
    new ApiError(409, 'NOT_YOURSELF', `you cannot ${what} your own account; ask another administrator`),
  lastAdmin: () =>
    new ApiError(409, 'LAST_ADMIN', 'Kaimen keeps at least one active administrator; make another one first'),
  alreadyDeactivated: () => new ApiError(409, 'ALREADY_DEACTIVATED', 'the account is already deactivated'),
  notDeactivated: () => new ApiError(409, 'NOT_DEACTIVATED', 'the account is active: there is nothing to reactivate'),
  accountExists: (role: string) =>
    new ApiError(
      409,
      'ACCOUNT_EXISTS',
      `an account with this email exists (role ${role}); change its role on the admin page instead`,
    ),
};
