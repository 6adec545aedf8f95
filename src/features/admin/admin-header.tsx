import { useSetFilters } from '@/features/filters/use-filters';
import { loadLanguage } from '@/lib/i18n';
import type { Lang, T } from '@/lib/i18n';
import { useSignOut } from './api/session';

/** The dashboard's blue header: title, who is signed in, the way back, language, sign-out. */
export function AdminHeader({ lang, t, user }: { lang: Lang; t: T; user: string | null }) {
  const set = useSetFilters();
  const signOut = useSignOut();
  return (
    <header className="app-header admin-header">
      <div className="app-header__inner">
        <div className="app-header__titles">
          <h1 className="app-header__title">{t('title')}</h1>
          <p className="app-header__asof">
            {user !== null ? t('session.user', { name: user }) : '\u00a0'}
          </p>
        </div>
        <a className="btn btn--light admin-back" href={lang === 'en' ? './?lang=en' : './'}>
          {t('back')}
        </a>
        <button
          type="button"
          className="btn btn--light"
          lang={lang === 'zh' ? 'en' : 'zh'}
          onClick={() => {
            const next = lang === 'zh' ? 'en' : 'zh';
            // The dashboard's words for gaps (保密, 未报送) come from its catalogue.
            void loadLanguage(next).then(() => set({ lang: next === 'en' ? 'en' : null }));
          }}
        >
          {t('switchTo')}
        </button>
        {user !== null && (
          <button
            type="button"
            className="btn btn--light"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            {t('session.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
