import { z } from 'zod';
import { governorates } from '../../../places/governorates.ts';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/places/governorates',
  summary: 'The 16 governorates with their OCHA P-codes',
  tags: ['places'],
  response: z.object({ items: z.array(z.object({ pcode: z.string(), territory: z.string(), nameEn: z.string(), nameAr: z.string() })) }),
  handler: async () => ({ items: governorates.map((g) => ({ ...g })) }),
});
