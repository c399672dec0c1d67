// Pieces shared by the claims screens: a case's state, reasons for inspection, and a priority score
// explained field by field (value x weight = points).
import type { ClaimCaseViewT } from '../../api/claimTypes.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { isolate } from '../../i18n/bidi.tsx';

export function CaseState({ k }: { k: Pick<ClaimCaseViewT, 'state'> }) {
  const { t } = useI18n();
  return (
    <span className={`badge claim-state claim-${k.state}`} data-state={k.state}>
      {t(`claims.state.${k.state}` as MessageKey)}
    </span>
  );
}

export function Reasons({ reasons }: { reasons: readonly string[] }) {
  const { t } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <div className="claim-reasons">
      <h3>{t('claims.reasons')}</h3>
      <ul>
        {reasons.map((r) => (
          <li key={r} data-reason={r}>
            {t(`claims.reason.${r}` as MessageKey)}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Line = NonNullable<ClaimCaseViewT['explanation']>[number];

export function ScoreExplained({
  lines,
  score,
  caption = true,
}: {
  lines: readonly Line[] | null;
  score: number | null;
  caption?: boolean;
}) {
  const { t, num } = useI18n();
  if (!lines || score === null) return null;
  const value = (v: number | boolean) => (typeof v === 'boolean' ? (v ? t('claims.yes') : t('claims.no')) : num(v));
  return (
    <table className="compare claim-score" aria-label={t('claims.scoreExplained')}>
      {caption && <caption className="muted">{t('claims.scoreExplained')}</caption>}
      <tbody>
        {lines.map((l) => (
          <tr key={l.field} data-field={l.field}>
            <th scope="row">{t(`claims.field.${l.field}` as MessageKey)}</th>
            <td>{isolate(t('claims.points', { value: value(l.value), weight: num(l.weight), points: num(l.points) }))}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('claims.score')}</th>
          <td>
            <strong>{num(score)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The catalogue items with a name in the reader's language; any other item is shown as it is stored. */
const NAMED_ITEMS: readonly string[] = ['cement', 'rebar', 'aggregate', 'blocks', 'glazing', 'sand'];

/** A material item's name (quota, sales, reconciliation, dashboard). */
export function useItemName(): (item: string) => string {
  const { t } = useI18n();
  return (item) => (NAMED_ITEMS.includes(item) ? t(`tranches.item.${item}` as MessageKey) : item);
}
