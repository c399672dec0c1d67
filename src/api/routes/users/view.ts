import type { z } from 'zod';
import type { User } from '../../../access/users.ts';
import type { ApiToken } from '../../../store/access/tokenRow.ts';
import type { TokenRecord, UserView } from './schema.ts';

export function userView(u: User): z.input<typeof UserView> {
  return {
    id: u.id,
    username: u.username,
    kind: u.kind,
    role: u.role,
    governorates: u.governorates,
    disabled: u.disabled,
    secondFactor: u.secondFactor,
    passwordTemporary: u.passwordTemporary,
  };
}

export function tokenView(t: ApiToken): z.input<typeof TokenRecord> {
  return {
    id: t.id,
    userId: t.userId,
    username: t.username,
    name: t.name,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
  };
}
