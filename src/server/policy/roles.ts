export const ROLES = [
  'coordinator',
  'physician',
  'nurse',
  'social_worker',
  'employment_advisor',
  'kela_advisor',
  'job_coach',
  'ngo_worker',
  'manager',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work with clients. Managers lead with reports; admins run the system; neither sees client data. */
export const CLIENT_WORKER_ROLES = [
  'coordinator',
  'physician',
  'nurse',
  'social_worker',
  'employment_advisor',
  'kela_advisor',
  'job_coach',
  'ngo_worker',
] as const satisfies readonly Role[];

/** Emergency access without a care relationship is limited to those who assess and coordinate care. */
export const BREAK_GLASS_ROLES = ['physician', 'coordinator'] as const satisfies readonly Role[];
