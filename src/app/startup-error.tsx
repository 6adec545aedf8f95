import { describeError } from '@/features/data/error-message';
import { ApiError } from '@contract/errors';
import { translator } from '@/lib/i18n';

/** Shown instead of the dashboard when it cannot start: both languages, since lang may be unknown. */
export function StartupError({ error }: { error: unknown }) {
  return (
    <main className="startup-error" role="alert">
      {(['zh', 'en'] as const).map((lang) => {
        const t = translator(lang);
        const message =
          error instanceof ApiError && error.endpoint === 'config'
            ? t('startup.config', { message: error.message })
            : describeError(error, t).detail;
        return (
          <section key={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            <h1>{t('startup.title')}</h1>
            <p>{message}</p>
            <p>{t('startup.fix')}</p>
          </section>
        );
      })}
    </main>
  );
}
