import { z } from 'zod';
import { errors } from '../../../errors.ts';
import { isGovernorate } from '../../../places/governorates.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';

const Locality = z.object({
  id: z.string(),
  governorate: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
type Row = { id: string; governorate: string; name_ar: string; name_en: string | null; lat: number | null; lon: number | null };
const view = (r: Row) => ({ id: r.id, governorate: r.governorate, nameAr: r.name_ar, nameEn: r.name_en, lat: r.lat, lon: r.lon });

export const listLocalities = defineRoute({
  method: 'GET',
  url: '/api/v1/places/localities',
  summary: 'Localities of a governorate',
  tags: ['places'],
  query: z.object({ governorate: z.string() }),
  response: z.object({ items: z.array(Locality) }),
  handler: async ({ query, store }) => {
    if (!isGovernorate(query.governorate))
      throw errors.validation([{ field: 'query.governorate', reason: 'must be the P-code of one of the 16 governorates' }]);
    const r = await store.pool.query<Row>(
      'SELECT id, governorate, name_ar, name_en, lat, lon FROM locality WHERE governorate = $1 ORDER BY name_ar LIMIT 2000',
      [query.governorate],
    );
    return { items: r.rows.map(view) };
  },
});

export const createLocality = defineRoute({
  method: 'POST',
  url: '/api/v1/places/localities',
  summary: 'Add a locality: a name, optionally coordinates (WGS84)',
  tags: ['places'],
  body: z.object({
    governorate: z.string(),
    nameAr: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200).optional(),
    lat: z.number().min(29).max(34).optional().describe('latitude; Palestine lies between 31.2 and 32.6'),
    lon: z.number().min(33).max(37).optional(),
  }),
  response: Locality,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, operationId }) => {
    if (!isGovernorate(body.governorate))
      throw errors.validation([{ field: 'governorate', reason: 'must be the P-code of one of the 16 governorates' }]);
    if ((body.lat === undefined) !== (body.lon === undefined))
      throw errors.validation([{ field: body.lat === undefined ? 'lat' : 'lon', reason: 'give both coordinates or neither' }]);
    return write(store.pool, actor, { operationId, route: 'POST /api/v1/places/localities', request: body }, async (ctx) => {
      const r = await ctx.client.query<Row>(
        'INSERT INTO locality (governorate, name_ar, name_en, lat, lon) VALUES ($1,$2,$3,$4,$5) RETURNING id, governorate, name_ar, name_en, lat, lon',
        [body.governorate, body.nameAr, body.nameEn ?? null, body.lat ?? null, body.lon ?? null],
      );
      const v = view(r.rows[0]!);
      await ctx.log({ entity: 'locality', entityId: v.id, action: 'create', after: v });
      return { status: 201, body: v };
    });
  },
});
