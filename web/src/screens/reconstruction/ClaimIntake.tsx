// Claim intake (registration or claims officer): a household claims a housing unit as owner, tenant
// or heir, with the damage it claims and, if it has one, a document (PDF, JPEG or PNG, read by the
// server from its bytes; the file name is never sent). The claim is checked at once; a claims
// officer then opens the joint case. A unit id in the address (?unit=) fills the unit.
import { type FormEvent, useState } from 'react';
import { claimBases, documentKinds, fieldClasses, MAX_DOCUMENT_BYTES } from '../../../../src/shared/claims.ts';
import type { ClaimViewT } from '../../api/claimTypes.ts';
import { can } from '../../access.ts';
import { Alert, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';

const base64Of = async (f: File) => {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export function ClaimIntake() {
  const { t, num } = useI18n();
  const { user } = useSession();
  const { busy, error, post } = useAction();
  // a second action for the document: each write has its own operation id
  const attach = useAction();
  const [unitId, setUnitId] = useState(() => new URLSearchParams(location.search).get('unit') ?? '');
  const [householdId, setHouseholdId] = useState('');
  const [basis, setBasis] = useState<string>('owner');
  const [claimedClass, setClaimedClass] = useState<string>('destroyed');
  const [damageDate, setDamageDate] = useState('');
  const [kind, setKind] = useState<string>('title');
  const [file, setFile] = useState<File | null>(null);
  const [filed, setFiled] = useState<ClaimViewT | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = await post<ClaimViewT>('/api/v1/reconstruction/claims', {
      unitId: unitId.trim(),
      householdId: householdId.trim(),
      basis,
      claimedClass,
      damageDate,
    });
    if (!c) return;
    if (file && !(await attach.post(`/api/v1/reconstruction/claims/${c.id}/documents`, { kind, content: await base64Of(file) }))) return;
    setFiled(c);
  };
  return (
    <Screen title={t('claims.intake')}>
      <p className="muted">{t('claims.intakeHint')}</p>
      {filed && (
        <Alert kind="success">
          <p>{t('claims.filed')}</p>
          {can(user?.role, 'readClaimCase') && <Link to={{ name: 'claimCase', id: filed.caseId }}>{t('claims.openCase')}</Link>}
        </Alert>
      )}
      <form className="card hh-form" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('claims.unitId')}
          name="unitId"
          dir="ltr"
          maxLength={36}
          required
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
        />
        <TextField
          label={t('claims.householdId')}
          hint={t('claims.householdIdHint')}
          name="householdId"
          dir="ltr"
          maxLength={36}
          required
          value={householdId}
          onChange={(e) => setHouseholdId(e.target.value)}
        />
        <SelectField label={t('claims.basis')} name="basis" value={basis} onChange={(e) => setBasis(e.target.value)}>
          {claimBases.map((b) => (
            <option key={b} value={b}>
              {t(`claims.basis.${b}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('claims.claimedClass')}
          name="claimedClass"
          value={claimedClass}
          onChange={(e) => setClaimedClass(e.target.value)}
        >
          {fieldClasses.map((c) => (
            <option key={c} value={c}>
              {t(`claims.class.${c}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('claims.damageDate')}
          name="damageDate"
          type="date"
          required
          value={damageDate}
          onChange={(e) => setDamageDate(e.target.value)}
        />
        <SelectField label={t('claims.documentKind')} name="documentKind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {documentKinds.map((k) => (
            <option key={k} value={k}>
              {t(`claims.doc.${k}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('claims.document')}
          hint={t('claims.documentHint', { max: num(Math.floor(MAX_DOCUMENT_BYTES / 1024)) })}
          name="document"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <ActionError error={error ?? attach.error} />
        <button type="submit" className="btn btn-primary" disabled={busy || attach.busy}>
          {t('claims.file')}
        </button>
      </form>
    </Screen>
  );
}
