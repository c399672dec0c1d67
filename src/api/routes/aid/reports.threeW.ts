import { stringify } from 'csv-stringify/sync';
import { threeW } from '../../../store/aid/reports.ts';
import { defineRoute } from '../../route.ts';
import { CycleReportQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/reports/3w.csv',
  summary:
    'HXL-tagged CSV for 3W/5W reporting: one row per governorate (of yours) and item (#org, #sector, #adm1+code, #adm2+code, #targeted, #reached+f/+m ...); "<5" in a cell withheld from roles that see only aggregates',
  tags: ['aid'],
  query: CycleReportQuery,
  produces: 'text/csv',
  handler: async ({ query, actor, store, reply }) => {
    const rows = await threeW(store.pool, actor, query.cycle);
    return reply.type('text/csv; charset=utf-8').send(stringify(rows));
  },
});
