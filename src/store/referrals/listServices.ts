// The service directory: every organisation's services, filtered by type and governorate.
import type pg from 'pg';
import type { ServiceType } from '../../shared/referrals.ts';
import { parseService, type Service, SERVICE_SELECT, type ServiceRow } from './serviceRow.ts';

export type ServiceFilter = { type: ServiceType | null; governorate: string | null; includeInactive: boolean };

export async function listServices(db: pg.Pool, f: ServiceFilter): Promise<Service[]> {
  const r = await db.query<ServiceRow>(
    `${SERVICE_SELECT}
      WHERE ($1::text IS NULL OR s.type = $1) AND ($2::text IS NULL OR $2 = ANY(s.governorates)) AND (s.active OR $3)
      ORDER BY s.active DESC, s.type, o.name, s.name, s.id LIMIT 500`,
    [f.type, f.governorate, f.includeInactive],
  );
  return r.rows.map(parseService);
}
