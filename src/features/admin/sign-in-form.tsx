import { useId } from 'react';
import type { SyntheticEvent } from 'react';
import type { Lang, T } from '@/lib/i18n';
import { useSignIn } from './api/session';
import { errorText } from './error-text';

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

export function SignInForm({
  lang,
  t,
  reason,
  keptFile,
}: {
  lang: Lang;
  t: T;
  reason: 'expired' | 'signed-out' | null;
  keptFile: string | null;
}) {
  const signIn = useSignIn();
  const errorId = useId();
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    signIn.mutate({
      name: text(form.get('name')),
      password: text(form.get('password')),
    });
  };
  return (
    <section className="admin-card admin-signin" aria-labelledby="admin-signin-heading">
      <h2 id="admin-signin-heading">{t('signIn.heading')}</h2>
      {reason !== null && !signIn.isError && (
        <p role="status" className="admin-note">
          {t(reason === 'expired' ? 'signIn.expired' : 'session.signedOut')}
        </p>
      )}
      {keptFile !== null && (
        <p className="admin-note">{t('signIn.keptFile', { name: keptFile })}</p>
      )}
      <p className="hint">{t('signIn.intro')}</p>
      <form
        onSubmit={onSubmit}
        className="admin-form"
        aria-describedby={signIn.isError ? errorId : undefined}
      >
        <div className="admin-field">
          <label htmlFor="admin-name">{t('signIn.name')}</label>
          <input
            id="admin-name"
            name="name"
            autoComplete="username"
            required
            autoCapitalize="none"
            spellCheck={false}
          />
        </div>
        <div className="admin-field">
          <label htmlFor="admin-password">{t('signIn.password')}</label>
          <input
            id="admin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        {signIn.isError && (
          <p id={errorId} role="alert" className="admin-error">
            {errorText(signIn.error, lang, t)}
          </p>
        )}
        <button type="submit" className="btn" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
