import { PassThrough } from 'node:stream';
import { writeCycleCardSheet } from '../../../store/aid/cycleCardSheet.ts';
import { defineRoute } from '../../route.ts';
import { CardSheetInput, IdParam, SHEET_CARDS_HEADER } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cycles/:id/cards/sheet',
  summary:
    "The printable A4 sheet of a generated cycle's cards (HTML, eight cards a page, streamed): for each household of your governorates entitled in the cycle, its newest valid card with the QR code, the printed number, the head's name, the household's size and the programme; never an identity number. Arabic (right to left) or English; `offset` and `limit` print a large cycle in parts. Personal data: each batch of cards written is logged as a read. The x-sheet-cards header gives the number of cards",
  tags: ['aid'],
  params: IdParam,
  body: CardSheetInput,
  produces: 'text/html',
  rateLimit: { max: 60, timeWindow: '1 minute', per: 'credential' },
  handler: async ({ params, body, actor, store, reply }) => {
    const out = new PassThrough();
    let started = false;
    const cards = await new Promise<number>((resolve, reject) => {
      writeCycleCardSheet(store.pool, actor, store.secretKey, params.id, out, {
        lang: body.language,
        offset: body.offset,
        ...(body.limit !== undefined ? { limit: body.limit } : {}),
        onStart: (n) => {
          started = true;
          resolve(n);
        },
      })
        .then(() => out.end())
        .catch((e: unknown) => {
          if (started) out.destroy(e instanceof Error ? e : new Error('sheet failed'));
          else reject(e);
        });
    });
    return reply
      .type('text/html; charset=utf-8')
      .header(SHEET_CARDS_HEADER, String(cards))
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
      .send(out);
  },
});
