// An app_user row as the store reads it, parsed into the domain's User (never the password hash).
import type { Role } from '../../access/roles.ts';
import type { User, UserKind } from '../../access/users.ts';

/** The columns of a User, for `u`, an app_user row. */
export const USER_COLUMNS = `u.id, u.org_id, u.username, u.kind, u.role, u.governorates, u.disabled, u.password_temporary,
  EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id) AS second_factor`;

export type UserViewRow = {
  id: string;
  org_id: string;
  username: string;
  kind: UserKind;
  role: Role;
  governorates: string[];
  disabled: boolean;
  password_temporary: boolean;
  second_factor: boolean;
};

export function parseUserRow(r: UserViewRow): User {
  return {
    id: r.id,
    orgId: r.org_id,
    username: r.username,
    kind: r.kind,
    role: r.role,
    governorates: r.governorates,
    disabled: r.disabled,
    secondFactor: r.second_factor,
    passwordTemporary: r.password_temporary,
  };
}
