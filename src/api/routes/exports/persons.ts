import { exportPersons } from '../../../export/persons.ts';
import { defineRoute } from '../../route.ts';
import { ExportBody } from './schema.ts';
import { sendExport } from './send.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/exports/persons',
  summary:
    'The persons of your organisation in your governorates (or one of them), one row each with the import columns, as CSV (UTF-8 with a byte order mark) or XLSX; cells that a spreadsheet would run as formulas start with an apostrophe. Personal data: logged in the change log. The x-export-rows header gives the number of rows.',
  tags: ['exports'],
  body: ExportBody,
  produces: 'text/csv',
  handler: async ({ body, actor, store, reply }) =>
    sendExport(reply, 'persons', body.format, (output, onStart) =>
      exportPersons(store.pool, actor, { output, format: body.format, governorate: body.governorate, onStart }),
    ),
});
