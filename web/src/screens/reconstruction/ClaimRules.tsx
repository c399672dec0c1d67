// The claim rules (#16): the current version, and for the role that owns them (administrators) an
// editor: who may claim, the grant by damage class and stream, the priority weights; refused values
// shown beside their field (checked here, and the server's field errors in the reader's language);
// the effect previewed on the open cases before saving (computed by the server, nothing written);
// then a new version saved with a reason. The history lists every version (who, when, why) and shows
// an older one. Saving re-ranks the open cases; a decided case keeps its decision and grant.
import { type FormEvent, useState } from 'react';
import type { ClaimRulesViewT, RulesPreviewT, RuleVersionListT, RuleVersionViewT } from '../../api/claimTypes.ts';
import { ApiError } from '../../api/client.ts';
import { can } from '../../access.ts';
import { Alert, ErrorState, errorKey, Loading, Screen, SelectField, TextAreaField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { isolate, reasonText } from '../../serverReasons.ts';
import { useGovernorateName, useSession } from '../../session.tsx';
import { type ClaimRulesForm, badFields, formPath, fromRules, toRules } from './claimRulesForm.ts';
import { type ErrorOf, Eligibility, Grants, PreviewResult, RulesSummary, Weights } from './claimRulesParts.tsx';

export function ClaimRules() {
  const { t, num, sep } = useI18n();
  const { api, user } = useSession();
  const current = useLoad(() => api.get<ClaimRulesViewT>('/api/v1/reconstruction/claim-rules'), [api]);
  const versions = useLoad(() => api.get<RuleVersionListT>('/api/v1/reconstruction/claim-rules/versions'), [api]);
  const [saved, setSaved] = useState<number | null>(null);
  if (current.error || versions.error) {
    return <ErrorState error={current.error ?? versions.error} onRetry={() => (current.reload(), versions.reload())} />;
  }
  if (!current.data || !versions.data) return <Loading />;
  const cur = current.data;
  return (
    <Screen title={t('rules.title')}>
      <p className="muted">{t('rules.intro')}</p>
      <p>
        <strong>{t('rules.current', { version: num(cur.version) })}</strong>
        {sep}
        <Link to={{ name: 'claimsRanked' }}>{t('rules.toRanked')}</Link>
      </p>
      {saved !== null && saved === cur.version && <Alert kind="success">{t('rules.saved', { version: num(saved) })}</Alert>}
      {can(user?.role, 'saveClaimRules') ? (
        <RulesEditor key={cur.version} current={cur} onSaved={(v) => (setSaved(v), current.reload(), versions.reload())} />
      ) : (
        <section className="card">
          <p className="muted">{t('rules.readOnly')}</p>
          <RulesSummary rules={cur.rules} />
        </section>
      )}
      <History list={versions.data} />
    </Screen>
  );
}

/** Client-side errors by field path, else the server's for the rules last sent, in the reader's language. */
function useErrorOf(bad: string[], serverError: unknown, sent: ClaimRulesViewT['rules'] | null): ErrorOf {
  const i18n = useI18n();
  const fields = serverError instanceof ApiError && sent ? serverError.fieldErrors : [];
  return (path) => {
    if (bad.includes(path)) return i18n.t(path.startsWith('eligibility.') ? 'rules.pickOne' : 'rules.invalid');
    const e = sent ? fields.find((f) => formPath(f.field, sent) === path) : undefined;
    return e ? reasonText(i18n, e) : null;
  };
}

function RulesEditor({ current, onSaved }: { current: ClaimRulesViewT; onSaved: (version: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, user } = useSession();
  const gname = useGovernorateName();
  const mine = user?.me?.governorates ?? [];
  const [gov, setGov] = useState<string>(() => (mine.includes('PS0260') ? 'PS0260' : (mine[0] ?? 'PS0260')));
  const [f, setF] = useState<ClaimRulesForm>(() => fromRules(current.rules));
  const [bad, setBad] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [reasonBad, setReasonBad] = useState(false);
  const [preview, setPreview] = useState<RulesPreviewT | null>(null);
  const [sent, setSent] = useState<ClaimRulesViewT['rules'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = useErrorOf(bad, error, sent);
  const edit = (patch: Partial<ClaimRulesForm>) => (setF({ ...f, ...patch }), setPreview(null), setError(null));
  async function run(what: 'preview' | 'save') {
    const b = badFields(f);
    setBad(b);
    const noReason = what === 'save' && !reason.trim();
    setReasonBad(noReason);
    if (b.length || noReason) return setMsg({ kind: 'error', text: t('common.fixFields') });
    const rules = toRules(f);
    setBusy(true);
    setSent(rules);
    setError(null);
    setMsg(null);
    try {
      if (what === 'preview')
        setPreview(await api.post<RulesPreviewT>('/api/v1/reconstruction/claim-rules/preview', { rules, governorate: gov }));
      else {
        const saved = await api.post<ClaimRulesViewT>('/api/v1/reconstruction/claim-rules', {
          basedOn: current.version,
          reason: reason.trim(),
          rules,
        });
        onSaved(saved.version);
      }
    } catch (err) {
      setError(err);
      setMsg({ kind: 'error', text: t(errorKey(err) as MessageKey) });
    } finally {
      setBusy(false);
    }
  }
  const serverReason = error instanceof ApiError ? error.fieldErrors.find((e) => e.field === 'reason') : undefined;
  return (
    <form className="card claim-rules-form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), void run('save'))}>
      <Eligibility f={f} edit={edit} errorOf={errorOf} />
      <Grants f={f} edit={edit} errorOf={errorOf} />
      <Weights f={f} edit={edit} errorOf={errorOf} />
      <fieldset className="rule-part">
        <legend>{t('rules.preview')}</legend>
        <p className="hint">{t('rules.previewHint')}</p>
        <SelectField
          label={t('claims.governorate')}
          name="governorate"
          value={gov}
          onChange={(e) => (setGov(e.target.value), setPreview(null))}
        >
          {mine.map((g) => (
            <option key={g} value={g}>
              {gname(g)}
            </option>
          ))}
        </SelectField>
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void run('preview')}>
          {t('rules.preview')}
        </button>
      </fieldset>
      {preview && <PreviewResult p={preview} />}
      <TextAreaField
        label={t('rules.reason')}
        hint={t('rules.reasonHint')}
        name="reason"
        maxLength={1000}
        value={reason}
        onChange={(e) => (setReason(e.target.value), setReasonBad(false))}
        error={reasonBad ? t('valid.required') : serverReason ? reasonText(i18n, serverReason) : null}
      />
      {!preview && <p className="hint">{t('rules.previewFirst')}</p>}
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy || !preview}>
        {busy ? t('common.loading') : t('rules.save')}
      </button>
    </form>
  );
}

/** Every version, newest first: who saved it, when and why; any one shown read-only on demand. */
function History({ list }: { list: RuleVersionListT }) {
  const { t, num, dateTime, sep } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="rules-history">
      <h2 id="rules-history">{t('rules.history')}</h2>
      <ol className="list claim-rules-history">
        {list.versions.map((v) => (
          <li key={v.version} data-version={v.version}>
            <p>
              <strong>{t('rules.version', { version: num(v.version) })}</strong>
              {sep}
              {v.savedBy && v.savedAt ? t('rules.savedBy', { who: isolate(v.savedBy), when: dateTime(v.savedAt) }) : t('rules.initial')}
            </p>
            {v.reason && (
              <p>
                <bdi>{v.reason}</bdi>
              </p>
            )}
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(open === v.version ? null : v.version)}>
              {open === v.version ? t('rules.hide') : t('rules.view', { version: num(v.version) })}
            </button>
            {open === v.version && <VersionRules version={v.version} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function VersionRules({ version }: { version: number }) {
  const { api } = useSession();
  const v = useLoad(() => api.get<RuleVersionViewT>(`/api/v1/reconstruction/claim-rules/versions/${version}`), [api, version]);
  if (v.error) return <ErrorState error={v.error} onRetry={v.reload} />;
  if (!v.data) return <Loading />;
  return <RulesSummary rules={v.data.rules} />;
}
