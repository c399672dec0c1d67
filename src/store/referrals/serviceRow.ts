// A service of the directory as stored and as the API shows it.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { ServiceType } from '../../shared/referrals.ts';

export const SERVICE_SELECT = `SELECT s.id, s.org_id, o.name AS org_name, s.type, s.name, s.governorates, s.capacity_per_month,
       s.contact_office, s.contact_phone, s.active, s.version
  FROM service s JOIN organisation o ON o.id = s.org_id`;

export type ServiceRow = {
  id: string;
  org_id: string;
  org_name: string;
  type: ServiceType;
  name: string;
  governorates: string[];
  capacity_per_month: number | null;
  contact_office: string;
  contact_phone: string | null;
  active: boolean;
  version: number;
};

export const parseService = (r: ServiceRow) => ({
  id: r.id,
  organisation: { id: r.org_id, name: r.org_name },
  type: r.type,
  name: r.name,
  governorates: r.governorates,
  capacityPerMonth: r.capacity_per_month,
  contactOffice: r.contact_office,
  contactPhone: r.contact_phone,
  active: r.active,
  version: r.version,
});
export type Service = ReturnType<typeof parseService>;

/** Any service of the directory (every organisation's is public to caseworkers); 404 if none. */
export async function getService(db: pg.Pool | pg.PoolClient, id: string, forUpdate = false): Promise<Service> {
  const r = isUuid(id)
    ? await db.query<ServiceRow>(`${SERVICE_SELECT} WHERE s.id = $1${forUpdate ? ' FOR UPDATE OF s' : ''}`, [id])
    : { rows: [] };
  if (!r.rows[0]) throw errors.notFound('service');
  return parseService(r.rows[0]);
}

/** A service the actor's organisation provides (the only ones it manages); 404 for any other. */
export async function getOwnService(db: pg.PoolClient, actor: Actor, id: string): Promise<Service> {
  const s = await getService(db, id, true);
  if (s.organisation.id !== actor.orgId) throw errors.notFound('service');
  return s;
}
