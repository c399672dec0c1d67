import type { z } from 'zod';
import type { User } from '../../../access/users.ts';
import type { UserView } from './schema.ts';

export function userView(u: User): z.input<typeof UserView> {
  return { id: u.id, username: u.username, role: u.role, governorates: u.governorates, disabled: u.disabled, secondFactor: u.secondFactor };
}
