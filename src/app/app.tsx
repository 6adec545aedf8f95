import { lazy, Suspense } from 'react';
import type { AppConfig } from '@/features/data/config';
import { Panel } from '@/features/data/panel';
import { Loading } from '@/features/data/panel-status';
import { QualityNotice } from '@/features/data/quality-notice';
import { EditionNotice, SignInNotice } from '@/features/data/service-notices';
import { useMeta } from '@/features/data/queries';
import type { Meta } from '@contract/types';
import { useLang, useRawFilters, useValidFilters } from '@/features/filters/use-filters';
import { OverviewView } from '@/features/overview/overview-view';
import { translator, withViewStrings } from '@/lib/i18n';
import type { Lang, T } from '@/lib/i18n';
import { TemplateLinks } from '@/features/workbook/template-links';
import { Header } from './header';
import { ReportButton } from './report-button';
import { viewLoaders } from './view-loaders';
import { ViewTabs } from './view-tabs';
import { WallButton } from './wall-button';

// Views other than the overview load on demand: the first paint needs only the KPI cards.
const TrendsView = lazy(() => viewLoaders.trends().then((m) => ({ default: m.TrendsView })));
const ProgrammesView = lazy(() =>
  viewLoaders.programmes().then((m) => ({ default: m.ProgrammesView })),
);
const RankingsView = lazy(() => viewLoaders.rankings().then((m) => ({ default: m.RankingsView })));
const LeagueView = lazy(() => viewLoaders.league().then((m) => ({ default: m.LeagueView })));
const MapView = lazy(() => viewLoaders.map().then((m) => ({ default: m.MapView })));
// The wall screen replaces the whole page and has its own chunk (and the map's).
const WallScreen = lazy(() =>
  withViewStrings(() => import('@/features/wall/wall-screen'))().then((m) => ({
    default: m.WallScreen,
  })),
);

function Views({ meta, lang, t }: { meta: Meta; lang: Lang; t: T }) {
  const valid = useValidFilters(meta);
  const props = { meta, lang, t };
  return (
    <>
      <div className="toolbar">
        <ViewTabs current={valid.view} t={t} />
        <div className="toolbar__actions">
          <ReportButton meta={meta} valid={valid} lang={lang} />
          <WallButton t={t} />
        </div>
      </div>
      <EditionNotice meta={meta} t={t} />
      <QualityNotice t={t} />
      <Suspense fallback={<Loading t={t} rows={6} />}>
        {valid.view === 'overview' && <OverviewView {...props} />}
        {valid.view === 'trends' && <TrendsView {...props} />}
        {valid.view === 'programmes' && <ProgrammesView {...props} />}
        {valid.view === 'rankings' && <RankingsView {...props} />}
        {valid.view === 'league' && <LeagueView {...props} />}
        {valid.view === 'map' && <MapView {...props} />}
      </Suspense>
    </>
  );
}

export function App({ config }: { config: AppConfig }) {
  const lang = useLang();
  const t = translator(lang);
  const meta = useMeta();
  const { screen } = useRawFilters();
  if (screen === 'wall')
    return (
      <Suspense fallback={<Loading t={t} rows={6} />}>
        <WallScreen lang={lang} t={t} />
      </Suspense>
    );
  return (
    <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header config={config} meta={meta.data?.data} lang={lang} t={t} />
      <main id="main" className="app-main">
        <SignInNotice t={t} />
        <Panel query={meta} t={t} rows={6}>
          {(parsed) => <Views meta={parsed.data} lang={lang} t={t} />}
        </Panel>
      </main>
      {meta.data?.data.source && (
        <footer className="app-footer">
          {t('app.source', { source: meta.data.data.source[lang] })}
          {config.mode === 'demo' && ` · ${t('app.demo')}`}
          {/* Links are no use on paper: the printed page keeps the source only. */}
          <span className="app-footer__links">
            {' · '}
            <TemplateLinks t={t} example={config.mode === 'demo'} />
          </span>
        </footer>
      )}
    </div>
  );
}
