// The keys of a person search, normalised as the registry stores them (422 naming the field otherwise).
import { errors } from '../errors.ts';
import { parseNationalId } from './nationalId.ts';
import { parsePhone } from './phone.ts';

export function searchKeys(q: { nationalId?: string | undefined; phone?: string | undefined }): {
  nationalId: string | undefined;
  phone: string | undefined;
} {
  let nationalId: string | undefined;
  if (q.nationalId !== undefined) {
    const r = parseNationalId(q.nationalId);
    if (!r.ok) throw errors.validation([{ field: 'nationalId', reason: r.reason }]);
    nationalId = r.value;
  }
  let phone: string | undefined;
  if (q.phone !== undefined) {
    const r = parsePhone(q.phone);
    if (!r.ok) throw errors.validation([{ field: 'phone', reason: r.reason }]);
    phone = r.value;
  }
  return { nationalId, phone };
}
