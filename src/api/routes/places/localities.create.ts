import { assertKnownGovernorate } from '../../../access/scope.ts';
import { createLocality } from '../../../store/places/createLocality.ts';
import { defineRoute } from '../../route.ts';
import { Locality, LocalityInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/places/localities',
  summary: 'Add a locality: a name, optionally coordinates (WGS84)',
  tags: ['places'],
  body: LocalityInput,
  response: Locality,
  status: 201,
  idempotent: true,
  handler: async ({ body, write }) => {
    assertKnownGovernorate(body.governorate);
    const locality = {
      governorate: body.governorate,
      nameAr: body.nameAr,
      nameEn: body.nameEn ?? null,
      lat: body.lat ?? null,
      lon: body.lon ?? null,
    };
    return write(async (ctx) => ({ status: 201, body: await createLocality(ctx, locality) }));
  },
});
