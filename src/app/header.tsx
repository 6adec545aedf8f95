import type { AppConfig } from '@/features/data/config';
import type { Meta } from '@contract/types';
import { useSetFilters } from '@/features/filters/use-filters';
import { loadLanguage } from '@/lib/i18n';
import type { Lang, T } from '@/lib/i18n';

/** The data-keeper page in the reader's language (it reads `lang` from its own URL). */
function adminHref(url: string, lang: Lang): string {
  if (lang !== 'en') return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=en`;
}

export function Header({
  config,
  meta,
  lang,
  t,
}: {
  config: AppConfig;
  meta: Meta | undefined;
  lang: Lang;
  t: T;
}) {
  const set = useSetFilters();
  const title = config.title?.[lang] ?? meta?.title?.[lang] ?? t('app.title');
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__titles">
          <h1 className="app-header__title">{title}</h1>
          {/* Always present (empty until meta arrives) so the page does not shift down. */}
          <p className="app-header__asof">
            {meta?.dataAsOf ? t('app.dataAsOf', { date: meta.dataAsOf }) : '\u00a0'}
          </p>
        </div>
        {config.mode === 'demo' && (
          <p className="demo-marker" title={t('app.demoLong')}>
            <strong>演示数据 / Demo data</strong>
          </p>
        )}
        {config.dataAdminUrl && (
          <a
            className="btn btn--light app-header__admin"
            href={adminHref(config.dataAdminUrl, lang)}
            title={t('app.dataAdminLong')}
          >
            {t('app.dataAdmin')}
          </a>
        )}
        <button
          type="button"
          className="btn btn--light"
          lang={lang === 'zh' ? 'en' : 'zh'}
          onPointerEnter={() => void loadLanguage('en')}
          onFocus={() => void loadLanguage('en')}
          onClick={() => {
            const next = lang === 'zh' ? 'en' : 'zh';
            void loadLanguage(next).then(() => set({ lang: next === 'en' ? 'en' : null }));
          }}
        >
          {t('app.switchTo')}
        </button>
      </div>
      {config.mode === 'demo' && (
        <p className="demo-banner" title={t('app.demoLong')}>
          <span className="demo-banner__long">{t('app.demoLong')}</span>
          <span className="demo-banner__short">{t('app.demoShort')}</span>
        </p>
      )}
      {config.offlineSince !== null && (
        <p className="demo-banner" role="status">
          {t('state.offline', {
            time: new Date(config.offlineSince).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
          })}
        </p>
      )}
    </header>
  );
}
