// Validation of a chunk of rows, the same in the main thread and in worker threads.
import { rawRow, type Layout } from './columns.ts';
import { stagedRow, type Kind, type StagedRow } from './load.ts';
import { validateRow, type RowContext } from './validate.ts';
import type { FieldError } from '../registry/fieldError.ts';

export type ValidationSetup = { kind: Kind; layout: Layout; governorates: string[]; sha256: string; today: string };
export type Rejection = { rowNumber: number; raw: Record<string, string>; errors: FieldError[] };
export type ChunkResult = { count: number; staged: StagedRow[]; rejections: Rejection[] };

/** The row's key when the file gives no record_id: stable for the same file and row. */
export function derivedRecordId(sha256: string, rowNumber: number): string {
  return `file-${sha256.slice(0, 16)}-${rowNumber}`;
}

export function contextOf(setup: ValidationSetup): RowContext {
  return {
    kind: setup.kind,
    layout: setup.layout,
    governorates: new Set(setup.governorates),
    derivedRecordId: (n) => derivedRecordId(setup.sha256, n),
    today: new Date(setup.today),
  };
}

/** Rows numbered from `firstRow` (the header is row 1). */
export function validateChunk(ctx: RowContext, rows: readonly string[][], firstRow: number): ChunkResult {
  const staged: StagedRow[] = [];
  const rejections: Rejection[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const rowNumber = firstRow + i;
    const v = validateRow(row, rowNumber, ctx);
    if (v.ok) staged.push(stagedRow(rowNumber, v));
    else rejections.push({ rowNumber, raw: rawRow(row, ctx.layout.header), errors: v.errors });
  }
  return { count: rows.length, staged, rejections };
}
