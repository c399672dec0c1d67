import type { z } from 'zod';
import type { Actor } from '../../../access/actor.ts';
import type { Account } from '../../../store/access/readAccount.ts';
import type { MeView } from './schema.ts';

export function meView(actor: Actor, a: Account): z.input<typeof MeView> {
  return {
    userId: actor.userId,
    username: a.username,
    orgId: actor.orgId,
    organisation: a.organisation,
    role: actor.role,
    governorates: [...actor.governorates],
    secondFactor: a.secondFactor,
    recoveryCodesLeft: a.recoveryCodesLeft,
    passwordTemporary: a.passwordTemporary,
  };
}
