// Who is acting: the signed-in user (or API token's user), their organisation, role and scope.
import type { Role } from './roles.ts';

export type Actor = {
  userId: string | null; // null only for the system itself (seed, migrations)
  orgId: string;
  role: Role;
  governorates: readonly string[];
  deviceId?: string | undefined;
  /** How the request signed in: a person's session (password and second factor) or a machine's API token. */
  credential?: 'session' | 'api_token' | undefined;
  /** The account's password was set by an administrator: until the person chooses their own, a session may do nothing else. */
  passwordTemporary?: boolean | undefined;
};
