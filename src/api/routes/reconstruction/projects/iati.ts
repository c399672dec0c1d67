import { PassThrough } from 'node:stream';
import { exportIati } from '../../../../export/iati.ts';
import { defineRoute } from '../../../route.ts';
import { IatiBody } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/iati',
  summary:
    'Your reconstruction projects as IATI 2.03 activities (iati-activities XML), streamed; only public data: projects, organisations, amounts, governorates (never a person or a household)',
  tags: ['reconstruction'],
  body: IatiBody,
  produces: 'application/xml',
  handler: async ({ body, actor, store, reply }) => {
    const out = new PassThrough();
    exportIati(store.pool, actor, { output: out, organisation: body.organisation })
      .then(() => out.end())
      .catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error('export failed')));
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="sanad-iati-activities-${day}.xml"`)
      .header('cache-control', 'no-store')
      .send(out);
  },
});
