// Pieces the administration screens share: the tabs (Users, API tokens), the governorate and role
// pickers (only the administrator's own governorates are offered), an account's state as chips, and
// a two-step confirmation for actions that end someone's access.
import { useState, type ReactNode } from 'react';
import { roles } from '../../../../src/shared/roles.ts';
import type { UserViewT } from '../../api/types.ts';
import { SelectField } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pluralForm } from '../../i18n/plural.ts';
import { Link, useRouter } from '../../router.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';

export function AdminTabs() {
  const { t } = useI18n();
  const { route } = useRouter();
  const users = route.name === 'users' || route.name === 'user';
  return (
    <nav className="row admin-tabs" aria-label={t('admin.tabs')}>
      <Link to={{ name: 'users' }} className={users ? 'btn btn-primary' : 'btn btn-secondary'}>
        {t('admin.users.title')}
      </Link>
      <Link to={{ name: 'tokens' }} className={route.name === 'tokens' ? 'btn btn-primary' : 'btn btn-secondary'}>
        {t('admin.tokens.title')}
      </Link>
    </nav>
  );
}

export function RoleSelect({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string | null }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('admin.user.role')} name="role" value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">{t('admin.pick')}</option>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}` as MessageKey)}
        </option>
      ))}
    </SelectField>
  );
}

/** Checkboxes of the governorates the signed-in administrator works in (no others can be given). */
export function GovernoratePicker({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string | null }) {
  const { t } = useI18n();
  const { user, governorates } = useSession();
  const own = new Set(user?.me?.governorates ?? []);
  const offered = governorates.filter((g) => own.has(g.pcode));
  const name = useGovernorateName();
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className={`field governorate-picker${error ? ' field-invalid' : ''}`} aria-describedby={error ? 'govs-error' : undefined}>
      <legend>{t('admin.user.governorates')}</legend>
      <p className="hint">{t('admin.user.governoratesHint')}</p>
      <div className="governorate-options">
        {offered.map((g) => (
          <label key={g.pcode} className="check">
            <input
              type="checkbox"
              name="governorates"
              value={g.pcode}
              checked={value.includes(g.pcode)}
              onChange={(e) => toggle(g.pcode, e.target.checked)}
            />
            {name(g.pcode)}
          </label>
        ))}
      </div>
      {error && (
        <p className="error-text" id="govs-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** An account's kind and state, as short chips. */
export function UserChips({ u }: { u: UserViewT }) {
  const { t } = useI18n();
  return (
    <span className="chips">
      {u.kind === 'machine' && <span className="chip">{t('admin.kind.machine')}</span>}
      {u.disabled ? (
        <span className="chip chip-bad">{t('admin.status.disabled')}</span>
      ) : (
        <span className="chip chip-ok">{t('admin.status.active')}</span>
      )}
      {u.kind === 'person' && !u.secondFactor && <span className="chip chip-warn">{t('admin.user.noSecondFactor')}</span>}
      {u.passwordTemporary && <span className="chip chip-warn">{t('admin.user.temporary')}</span>}
    </span>
  );
}

/** A button that asks once more before an action that ends someone's access. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  busy,
  danger,
  onConfirm,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="btn btn-secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <fieldset className="confirm">
      <legend>{question}</legend>
      <p className="row">
        <button
          type="button"
          className={danger ? 'btn btn-primary btn-danger' : 'btn btn-primary'}
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </p>
    </fieldset>
  );
}

/** The fields a refused request names (the server's reasons are English: the screen says it in the reader's language). */
export function badFields(err: unknown): Set<string> {
  const e = err as { fieldErrors?: { field: string }[] } | null;
  return new Set((e?.fieldErrors ?? []).map((f) => f.field.replace(/^body\./, '')));
}

/** "n accounts" with the plural form of the language (Arabic has six): the key `${base}.${form}`. */
export function countText(
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
  lang: string,
  base: 'admin.users.shown' | 'admin.tokens.shown',
  n: number,
): string {
  const form = pluralForm(lang, n);
  return t(`${base}.${form}` as MessageKey, { count: n });
}
