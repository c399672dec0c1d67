import { writeTable } from '../../../export/table.ts';
import { threeW } from '../../../store/aid/reports.ts';
import { sendExport } from '../exports/send.ts';
import { defineRoute } from '../../route.ts';
import { ThreeWBody } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/reports/3w',
  summary:
    'The 3W/5W report of a cycle as a file: CSV (UTF-8 with a byte order mark) or XLSX, a header row, an HXL hashtag row (territories #adm1, governorates #adm2, P-codes +code), one row per governorate (of yours) and item; "<5" in a cell withheld from roles that see only aggregates. Logged. The x-export-rows header gives the number of rows.',
  tags: ['aid'],
  body: ThreeWBody,
  produces: 'text/csv',
  handler: async ({ body, actor, store, reply }) =>
    sendExport(reply, '3w', body.format, async (output, onStart) => {
      const rows = await threeW(store.pool, actor, body.cycle);
      onStart(rows.length - 2);
      await writeTable(output, body.format, rows.slice(0, 2), rows.slice(2), { sheet: '3W' });
      if (body.format === 'csv') output.end();
    }),
});
