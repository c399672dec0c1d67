// Administration > Users: the organisation's accounts within the administrator's governorates (by
// username, a page at a time, filtered by role, kind and status), and a new account: a person with
// a temporary password (they choose their own at the first sign-in) or a machine account (API
// tokens only). Opening an account leads to its page (UserPage.tsx).
import { useState } from 'react';
import { roles } from '../../../../src/shared/roles.ts';
import type { UserListT, UserViewT } from '../../api/types.ts';
import { ErrorState, Loading, Screen, SelectField } from '../../components/ui.tsx';
import { usePaged } from '../../components/usePaged.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { CreateUser } from './CreateUser.tsx';
import { AdminTabs, countText, UserChips } from './parts.tsx';

type Filters = { role: string; kind: string; status: string };
const PAGE = 50;

function listPath(f: Filters, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(PAGE) });
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  return `/api/v1/users?${q}`;
}

function useUsers(filters: Filters) {
  const { api } = useSession();
  return usePaged<UserViewT>((cursor) => api.get<UserListT>(listPath(filters, cursor)), [api, filters]);
}

export function Users() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>({ role: '', kind: '', status: '' });
  const [creating, setCreating] = useState(false);
  const { items, next, first, busy, error, loadMore } = useUsers(filters);
  return (
    <Screen
      title={t('admin.users.title')}
      actions={
        !creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('admin.users.new')}
          </button>
        )
      }
    >
      <AdminTabs />
      {creating && <CreateUser onCancel={() => setCreating(false)} />}
      <FilterBar value={filters} onChange={setFilters} />
      {first.loading && !items ? (
        <Loading />
      ) : first.error !== null || !items ? (
        <ErrorState error={first.error} onRetry={first.reload} />
      ) : (
        <section className="results" aria-labelledby="users-results" aria-busy={first.loading}>
          <h2 id="users-results">{countText(t, lang, 'admin.users.shown', items.length)}</h2>
          {items.length === 0 ? <p className="muted">{t('admin.users.empty')}</p> : <UserRows items={items} />}
          {error !== null && <ErrorState error={error} onRetry={() => void loadMore()} />}
          {next && (
            <button type="button" className="btn btn-secondary btn-block" disabled={busy} onClick={() => void loadMore()}>
              {busy ? t('common.loading') : t('admin.users.more')}
            </button>
          )}
        </section>
      )}
    </Screen>
  );
}

function UserRows({ items }: { items: UserViewT[] }) {
  const { t } = useI18n();
  return (
    <ul className="list user-list">
      {items.map((u) => (
        <li key={u.id}>
          <Link to={{ name: 'user', id: u.id }} className="list-item">
            <span className="list-title">
              <bdi dir="ltr">{u.username}</bdi>
            </span>
            <span className="list-meta">{t(`role.${u.role}` as MessageKey)}</span>
            <UserChips u={u} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

function FilterBar({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useI18n();
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <form className="card grid-2 user-filters" aria-label={t('admin.users.filters')} onSubmit={(e) => e.preventDefault()}>
      <SelectField label={t('admin.user.role')} name="filterRole" value={value.role} onChange={set('role')}>
        <option value="">{t('admin.any')}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('admin.user.status')} name="filterStatus" value={value.status} onChange={set('status')}>
        <option value="">{t('admin.any')}</option>
        <option value="active">{t('admin.status.active')}</option>
        <option value="disabled">{t('admin.status.disabled')}</option>
      </SelectField>
      <SelectField label={t('admin.user.kind')} name="filterKind" value={value.kind} onChange={set('kind')}>
        <option value="">{t('admin.any')}</option>
        <option value="person">{t('admin.kind.person')}</option>
        <option value="machine">{t('admin.kind.machine')}</option>
      </SelectField>
    </form>
  );
}
