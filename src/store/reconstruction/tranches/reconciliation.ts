// The materials reconciliation per governorate and item: the quota of the approved cases there, what
// vendors sold against them, what inspections saw installed, and what left the vendors of that
// governorate (sales by where the vendor is, whichever case they served). Counts only, no names.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';

export type ReconciliationRow = { governorate: string; item: string; quota: number; sold: number; installed: number; leftVendors: number };

export async function materialsReconciliation(db: pg.Pool, actor: Actor): Promise<ReconciliationRow[]> {
  const r = await db.query<{ governorate: string; item: string; quota: string; sold: string; installed: string; left_vendors: string }>(
    `WITH q AS (SELECT p.governorate, m.item, sum(m.quantity) AS n FROM material_quota m JOIN reconstruction_plan p ON p.case_id = m.case_id
                 WHERE p.org_id = $1 GROUP BY 1, 2),
          s AS (SELECT p.governorate, m.item, sum(m.quantity) AS n FROM material_sale m JOIN reconstruction_plan p ON p.case_id = m.case_id
                 WHERE p.org_id = $1 GROUP BY 1, 2),
          i AS (SELECT p.governorate, x.item, sum(x.quantity) AS n FROM inspection_installed x JOIN stage_inspection si ON si.id = x.inspection_id
                  JOIN reconstruction_plan p ON p.case_id = si.case_id WHERE p.org_id = $1 GROUP BY 1, 2),
          v AS (SELECT v.governorate, m.item, sum(m.quantity) AS n FROM material_sale m JOIN vendor v ON v.id = m.vendor_id
                 WHERE v.org_id = $1 GROUP BY 1, 2),
          k AS (SELECT governorate, item FROM q UNION SELECT governorate, item FROM s UNION SELECT governorate, item FROM i UNION SELECT governorate, item FROM v)
     SELECT k.governorate, k.item, COALESCE(q.n, 0) AS quota, COALESCE(s.n, 0) AS sold, COALESCE(i.n, 0) AS installed, COALESCE(v.n, 0) AS left_vendors
       FROM k LEFT JOIN q USING (governorate, item) LEFT JOIN s USING (governorate, item) LEFT JOIN i USING (governorate, item) LEFT JOIN v USING (governorate, item)
      WHERE k.governorate = ANY($2::text[])
      ORDER BY k.governorate, k.item`,
    [actor.orgId, actor.governorates],
  );
  return r.rows.map((x) => ({
    governorate: x.governorate,
    item: x.item,
    quota: Number(x.quota),
    sold: Number(x.sold),
    installed: Number(x.installed),
    leftVendors: Number(x.left_vendors),
  }));
}
