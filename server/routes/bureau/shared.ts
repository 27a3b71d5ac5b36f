/** Bureaus act in their region (checked per venue in each command or read); admins everywhere. */
export const BUREAU = { access: { roles: ['bureau', 'admin'] } } as const;
