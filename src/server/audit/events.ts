/**
 * Every audited endpoint names one event here (EntityAction). Reads are audited as well as writes.
 * Metadata holds ids and counts only — never names, identity codes or free text.
 */
export const AUDIT_EVENTS = [
  'HealthRead',
  'ApiDocsRead',
  'SessionCreate',
  'SessionRead',
  'SessionDelete',
  'SessionSwitchMembership',
  'OidcLoginStart',
  'OidcLoginFinish',
  'OrganisationList',
  'OrganisationCreate',
  'OrganisationUpdate',
  'TeamList',
  'TeamCreate',
  'TeamUpdate',
  'UserList',
  'UserRead',
  'UserCreate',
  'UserUpdate',
  'CodeListRead',
  'ClientSearch',
  'ClientCreate',
  'ClientRead',
  'ClientUpdate',
  'ClientHistoryRead',
  'ClientBreakGlass',
  'ConsentList',
  'ConsentCreate',
  'ConsentWithdraw',
  'AuditList',
  'AuditExport',
  'ClientAccessLogRead',
  'BreakGlassList',
  'BreakGlassReview',
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];
