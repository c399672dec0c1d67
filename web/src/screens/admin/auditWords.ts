// What user administration writes to the change log, for the Audit screen's words and filters
// (the texts are `audit.entity.*` and `audit.action.*` in i18n/parts/admin.*.ts).
export const ADMIN_ENTITIES = ['api_token', 'organisation'] as const;
export const ADMIN_ACTIONS = [
  'access_change',
  'disable',
  'enable',
  'temporary_password',
  'password_changed',
  'token_create',
  'token_revoke',
] as const;
