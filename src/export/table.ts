// Writes a table (header rows then data rows) as CSV with a UTF-8 byte order mark (so that Excel
// reads Arabic as UTF-8) or as XLSX (exceljs' streaming writer), every text cell neutralised.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../shared/spreadsheetCell.ts';

export type ExportFormat = 'csv' | 'xlsx';

export const BOM = '\uFEFF';

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Cell = string | number | boolean | null | undefined;

/** Thrown when the reader went away (a download cancelled): the export stops and frees its connection. */
export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'ExportCancelled';
  }
}

async function put(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw new ExportCancelled();
  if (out.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new ExportCancelled());
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/**
 * Writes the rows to `out` and counts the data rows. A CSV is not ended (the caller decides) and has
 * the byte order mark unless `bom` is false (a CSV piped from stdout into another program); an XLSX
 * ends `out`.
 */
export async function writeTable(
  out: Writable,
  format: ExportFormat,
  head: Cell[][],
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>,
  opts: { sheet?: string; bom?: boolean } = {},
): Promise<number> {
  let n = 0;
  const safe = (r: Cell[]) => r.map((c) => neutraliseCell(c ?? ''));
  if (format === 'csv') {
    await put(out, (opts.bom === false ? '' : BOM) + stringify(head.map(safe)));
    for await (const r of rows) {
      await put(out, stringify([safe(r)]));
      n++;
    }
    return n;
  }
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = book.addWorksheet(opts.sheet ?? 'export');
  for (const h of head) ws.addRow(safe(h)).commit();
  for await (const r of rows) {
    ws.addRow(safe(r)).commit();
    n++;
  }
  ws.commit();
  await book.commit();
  return n;
}
