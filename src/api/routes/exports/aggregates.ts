import { exportAggregates } from '../../../export/aggregates.ts';
import { defineRoute } from '../../route.ts';
import { ExportBody } from './schema.ts';
import { sendExport } from './send.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/exports/aggregates',
  summary:
    'People of your organisation by governorate, sex and age group (counts only), one row per governorate under an HXL hashtag row (governorates #adm2, territories #adm1; "<5" in a count withheld from roles that see only aggregates), as CSV (UTF-8 with a byte order mark) or XLSX. Logged in the change log. The x-export-rows header gives the number of rows.',
  tags: ['exports'],
  body: ExportBody,
  produces: 'text/csv',
  handler: async ({ body, actor, store, reply }) =>
    sendExport(reply, 'aggregates', body.format, (output, onStart) =>
      exportAggregates(store.pool, actor, { output, hxl: true, format: body.format, governorate: body.governorate, onStart }),
    ),
});
