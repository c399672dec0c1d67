// The current and the new password, as asked when someone changes their own (My account) and
// when they replace a temporary one an administrator set (the first sign-in).
import { PASSWORD_MIN } from '../../../src/shared/firstRun.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { TextField } from './ui.tsx';

/** What is wrong with the new password, if anything; an empty one is "required" unless `emptyIsShort`. */
export function newPasswordProblem(current: string, next: string, emptyIsShort = false): MessageKey | null {
  if (!next) return emptyIsShort ? 'password.short' : null;
  if (next.length < PASSWORD_MIN) return 'password.short';
  return next === current ? 'password.same' : null;
}

export function PasswordPair({
  current,
  next,
  onCurrent,
  onNext,
  currentLabel,
  currentError,
  nextError,
}: {
  current: string;
  next: string;
  onCurrent: (v: string) => void;
  onNext: (v: string) => void;
  currentLabel: MessageKey;
  currentError: string | null;
  nextError: string | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t(currentLabel)}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        dir="ltr"
        value={current}
        onChange={(e) => onCurrent(e.target.value)}
        error={currentError}
      />
      <TextField
        label={t('password.new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        dir="ltr"
        hint={t('password.rules', { min: PASSWORD_MIN })}
        value={next}
        onChange={(e) => onNext(e.target.value)}
        error={nextError}
      />
    </>
  );
}
