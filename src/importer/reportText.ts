// The rejection report and the quarantine export are written by PostgreSQL (COPY); their reasons are
// the English words of each reason code (src/shared/reasons.ts) with its numbers, never the values.
import { fieldReasons } from '../shared/reasons.ts';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** The table of English words as a jsonb literal (our own constants, quoted). */
const WORDS = `${literal(JSON.stringify(fieldReasons))}::jsonb`;

/** SQL: the English words of the field error `e` (a jsonb {field, reason, params?}). */
export function reasonWordsSql(e: string): string {
  let sql = `coalesce(${WORDS} ->> (${e}->>'reason'), ${e}->>'reason')`;
  for (const p of ['max', 'min', 'count']) sql = `replace(${sql}, '{${p}}', coalesce(${e}->'params'->>'${p}', '{${p}}'))`;
  return sql;
}
