// A count as the screens show it: in the reader's digits, or "<5" ("أقل من ٥") where the server
// withheld it from a role that sees only aggregates (src/shared/disclosure.ts).
import { MIN_CELL } from '../../../src/shared/disclosure.ts';
import { useI18n } from '../i18n/index.tsx';

export function useCount(): (v: number | null) => string {
  const { t, num } = useI18n();
  return (v) => (v === null ? t('disclosure.fewerThan', { n: MIN_CELL }) : num(v));
}

/** The note shown under figures of which some are withheld. */
export function useWithheldNote(): string {
  const { t } = useI18n();
  return t('disclosure.note', { n: MIN_CELL, from: 1, to: MIN_CELL - 1 });
}
