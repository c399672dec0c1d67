// The first run, on the sign-in screen while the server has no account (GET /api/v1/setup answers
// hasUsers: false): how whoever runs the server creates the first administrator, the same steps
// `sanad serve` prints. Commands and app names are Latin: shown left to right, isolated.
import { useEffect, useState } from 'react';
import { makeApi } from '../api/client.ts';
import type { SetupViewT } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AUTHENTICATOR_APPS, FIRST_ADMIN_COMMAND, PASSWORD_MAX, PASSWORD_MIN } from '../../../src/shared/firstRun.ts';

/** Whether the server has no account yet (undefined while asking or when it cannot be asked). */
export function useNoUsers(): boolean {
  const [none, setNone] = useState(false);
  useEffect(() => {
    let live = true;
    makeApi(null, () => undefined)
      .get<SetupViewT>('/api/v1/setup')
      .then((r) => live && setNone(!r.hasUsers))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return none;
}

export function FirstRun() {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(FIRST_ADMIN_COMMAND).then(
      () => setCopied(true),
      () => undefined,
    );
  };
  return (
    <section className="card first-run" aria-labelledby="first-run">
      <h2 id="first-run">{t('firstRun.title')}</h2>
      <p>{t('firstRun.intro')}</p>
      <ol className="first-run-steps">
        <li>{t('firstRun.stop')}</li>
        <li>
          {t('firstRun.command')}
          <pre className="mono command" dir="ltr" data-first-run-command>
            <code>{FIRST_ADMIN_COMMAND}</code>
          </pre>
          <button type="button" className="btn btn-secondary" onClick={copy}>
            {t('firstRun.copy')}
          </button>
          {copied && <span role="status"> {t('firstRun.copied')}</span>}
          <p>{t('firstRun.password', { min: PASSWORD_MIN, max: PASSWORD_MAX })}</p>
        </li>
        <li>{t('firstRun.start')}</li>
        <li>
          {t('firstRun.factor')}
          <ul className="first-run-apps">
            {AUTHENTICATOR_APPS.map((a) => (
              <li key={a}>
                <bdi dir="ltr">{a}</bdi>
              </li>
            ))}
          </ul>
        </li>
      </ol>
    </section>
  );
}
