// Programmes and items: the items (list, add), the programmes (list, define one with the rule
// editor, preview how many households the rules select today, save). For the roles that may
// create programmes (administrator, distribution officer).
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { ItemList, ItemView, ProgrammeList, RulesPreviewView } from '../../../../src/api/routes/aid/schema.ts';
import { Alert, ErrorState, errorKey, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { usePlural } from '../household/parts.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { badFields, blankRule, fromRule, type RuleForm, toRule } from './ruleForm.ts';

type Item = z.infer<typeof ItemView>;
type Preview = z.infer<typeof RulesPreviewView>;
type Programme = z.infer<typeof ProgrammeList>['programmes'][number];
export const SECTORS = ['food', 'water', 'hygiene', 'shelter', 'cash'] as const;

export function Programmes() {
  const { t, sep } = useI18n();
  const { api } = useSession();
  const items = useLoad(() => api.get<z.infer<typeof ItemList>>('/api/v1/aid/items'), [api]);
  const progs = useLoad(() => api.get<z.infer<typeof ProgrammeList>>('/api/v1/aid/programmes'), [api]);
  const plural = usePlural();
  if (items.error || progs.error) return <ErrorState error={items.error ?? progs.error} onRetry={() => (items.reload(), progs.reload())} />;
  if (!items.data || !progs.data) return <Loading />;
  return (
    <Screen title={t('prog.title')}>
      <section className="card" aria-labelledby="prog-list">
        <h2 id="prog-list">{t('prog.list.title')}</h2>
        {progs.data.programmes.length === 0 && <p className="muted">{t('prog.list.empty')}</p>}
        <ul className="list">
          {progs.data.programmes.map((p) => (
            <li key={p.id}>
              <Link to={{ name: 'programme', id: p.id }} className="list-item">
                <bdi className="list-title">{p.name}</bdi>
                <span className="list-meta muted">
                  {t(`prog.sector.${p.sector}` as MessageKey)}
                  {sep}
                  {plural('prog.rules.count', p.rules.length)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <ProgrammeForm items={items.data.items} onSaved={progs.reload} />
      <section className="card" aria-labelledby="items-list">
        <h2 id="items-list">{t('prog.items.title')}</h2>
        {items.data.items.length === 0 && <p className="muted">{t('prog.items.empty')}</p>}
        <ul className="list">
          {items.data.items.map((i) => (
            <li key={i.id} className="list-item">
              <bdi className="list-title">{i.name}</bdi>
              <span className="list-meta muted">
                <bdi dir="ltr">{i.code}</bdi>
                {sep}
                <bdi>{i.unit}</bdi>
                {sep}
                {t(`prog.sector.${i.sector}` as MessageKey)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <NewItem onSaved={items.reload} />
    </Screen>
  );
}

function NewItem({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [v, setV] = useState({ code: '', name: '', unit: '', sector: 'food' });
  const [bad, setBad] = useState<string[]>([]);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; key: MessageKey } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const b = [
      ...(/^[a-z0-9_]{1,40}$/.test(v.code) ? [] : ['code']),
      ...(v.name.trim() ? [] : ['name']),
      ...(v.unit.trim() ? [] : ['unit']),
    ];
    setBad(b);
    setMsg(b.length ? { kind: 'error', key: 'common.fixFields' } : null);
    if (b.length) return;
    setBusy(true);
    try {
      await api.post<Item>('/api/v1/aid/items', { ...v, name: v.name.trim(), unit: v.unit.trim() });
      setV({ code: '', name: '', unit: '', sector: v.sector });
      setMsg({ kind: 'success', key: 'prog.items.created' });
      onSaved();
    } catch (err) {
      setMsg({ kind: 'error', key: errorKey(err) });
    } finally {
      setBusy(false);
    }
  }
  const req = (k: string) => (bad.includes(k) ? t(k === 'code' ? 'prog.items.codeHint' : 'valid.required') : null);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-item">
      <h2 id="new-item">{t('prog.items.new')}</h2>
      <TextField
        label={t('prog.items.code')}
        hint={t('prog.items.codeHint')}
        name="itemCode"
        dir="ltr"
        maxLength={40}
        value={v.code}
        onChange={(e) => setV({ ...v, code: e.target.value })}
        error={req('code')}
      />
      <TextField
        label={t('prog.items.name')}
        name="itemName"
        maxLength={200}
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.target.value })}
        error={req('name')}
      />
      <TextField
        label={t('prog.items.unit')}
        hint={t('prog.items.unitHint')}
        name="itemUnit"
        maxLength={40}
        value={v.unit}
        onChange={(e) => setV({ ...v, unit: e.target.value })}
        error={req('unit')}
      />
      <SelectField
        label={t('prog.items.sector')}
        name="itemSector"
        value={v.sector}
        onChange={(e) => setV({ ...v, sector: e.target.value })}
      >
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {t(`prog.sector.${s}`)}
          </option>
        ))}
      </SelectField>
      {msg && <Alert kind={msg.kind}>{t(msg.key)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t('prog.items.create')}
      </button>
    </form>
  );
}

function PreviewResult({ p, items }: { p: Preview; items: Item[] }) {
  const { t } = useI18n();
  const plural = usePlural();
  const nameOf = (code: string) => items.find((i) => i.code === code)?.name ?? code;
  return (
    <output className="card preview" aria-live="polite">
      <p className="big">
        {plural('prog.hh', p.selected)} <span className="muted">{t('prog.preview.of', { total: p.households })}</span>
      </p>
      <ul>
        {p.items.map((i) => (
          <li key={i.item}>
            <bdi>{nameOf(i.item)}</bdi>: {t('prog.preview.item', { households: plural('prog.hh', i.households), quantity: i.quantity })}
          </li>
        ))}
      </ul>
    </output>
  );
}

/** A new programme, or (`editing`) the rules of a saved one, sent with the version that was read. */
export function ProgrammeForm({ items, onSaved, editing }: { items: Item[]; onSaved: () => void; editing?: Programme }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [name, setName] = useState(editing?.name ?? '');
  const [sector, setSector] = useState<string>('food');
  const [rules, setRules] = useState<RuleForm[]>(() => (editing?.rules ?? []).map(fromRule));
  const [version, setVersion] = useState(editing?.version ?? 1);
  const [bad, setBad] = useState<string[][]>([]);
  const [nameBad, setNameBad] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; key: MessageKey } | null>(null);
  const [busy, setBusy] = useState(false);
  const check = (): ReturnType<typeof toRule>[] | null => {
    const b = rules.map(badFields);
    setBad(b);
    const ok = b.every((x) => x.length === 0);
    setMsg(ok ? null : { kind: 'error', key: 'common.fixFields' });
    return ok ? rules.map(toRule) : null;
  };
  async function run(what: 'preview' | 'save') {
    const rs = check();
    if (!rs) return;
    if (what === 'save' && !editing && !name.trim()) return (setNameBad(true), setMsg({ kind: 'error', key: 'common.fixFields' }));
    setBusy(true);
    try {
      if (what === 'preview') setPreview(await api.post<Preview>('/api/v1/aid/programmes/preview', { rules: rs }));
      else if (editing) {
        setVersion((await api.put<Programme>(`/api/v1/aid/programmes/${editing.id}/rules`, { version, rules: rs })).version);
        setMsg({ kind: 'success', key: 'prog.rules.saved' });
        onSaved();
      } else {
        await api.post('/api/v1/aid/programmes', { name: name.trim(), sector, rules: rs });
        setName('');
        setRules([]);
        setPreview(null);
        setMsg({ kind: 'success', key: 'prog.created' });
        onSaved();
      }
    } catch (err) {
      setMsg({ kind: 'error', key: errorKey(err) });
    } finally {
      setBusy(false);
    }
  }
  const setRule = (i: number, f: RuleForm) => (setRules(rules.map((r, k) => (k === i ? f : r))), setPreview(null));
  return (
    <form className="card" noValidate aria-labelledby="new-prog" onSubmit={(e: FormEvent) => (e.preventDefault(), void run('save'))}>
      <h2 id="new-prog">{t(editing ? 'prog.rules.edit' : 'prog.new')}</h2>
      {!editing && (
        <>
          <TextField
            label={t('prog.name')}
            name="programmeName"
            maxLength={200}
            value={name}
            onChange={(e) => (setName(e.target.value), setNameBad(false))}
            error={nameBad ? t('valid.required') : null}
          />
          <SelectField label={t('prog.sector')} name="programmeSector" value={sector} onChange={(e) => setSector(e.target.value)}>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`prog.sector.${s}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <h3>{t('prog.rules.title')}</h3>
      <p className="hint">{t('prog.rules.hint')}</p>
      {items.length === 0 && <Alert kind="info">{t('prog.needItem')}</Alert>}
      {rules.map((f, i) => (
        <RuleEditor
          key={i}
          n={i + 1}
          f={f}
          items={items}
          bad={bad[i] ?? []}
          onChange={(g) => setRule(i, g)}
          onRemove={() => (setRules(rules.filter((_, k) => k !== i)), setBad([]), setPreview(null))}
        />
      ))}
      <div className="row">
        <button
          type="button"
          className="btn btn-secondary"
          disabled={items.length === 0}
          onClick={() => (setRules([...rules, blankRule(items[0]?.code)]), setPreview(null))}
        >
          {t('prog.rules.add')}
        </button>
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void run('preview')}>
          {t('prog.preview')}
        </button>
      </div>
      <p className="hint">{t('prog.preview.hint')}</p>
      {preview && <PreviewResult p={preview} items={items} />}
      {msg && <Alert kind={msg.kind}>{t(msg.key)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t(editing ? 'prog.rules.save' : 'prog.create')}
      </button>
    </form>
  );
}
