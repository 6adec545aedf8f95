import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLang } from '@/features/filters/use-filters';
import type { Lang } from '@/lib/i18n';
import { AdminError, endsSession } from './api/client';
import { setSession, useSession } from './api/session';
import { AdminHeader } from './admin-header';
import { AuditSection } from './audit-section';
import { EditionsSection } from './editions-section';
import { errorText } from './error-text';
import { SignInForm } from './sign-in-form';
import { UploadSection } from './upload-section';
import { adminT } from './words';
import './admin.css';

/**
 * Its own QueryClient: nothing of the admin area mixes with the dashboard's cache (persisted to
 * localStorage on a live service), and a 401 from any admin call ends the session in one place.
 */
export function createAdminClient(): QueryClient {
  const expire = () => setSession(client, { state: 'out', reason: 'expired' });
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[1] !== 'session' && endsSession(error)) expire();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _v, _c, mutation) => {
        if (mutation.meta?.keepsSession !== true && endsSession(error)) expire();
      },
    }),
    defaultOptions: {
      queries: {
        // Only the network may heal by itself; a 4xx or a malformed answer will not.
        retry: (n, error) => n < 2 && error instanceof AdminError && error.code === 'network',
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

/** 数据管理 / Data: `?page=data`, loaded on demand (load.ts). */
export function AdminPage({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createAdminClient());
  return (
    <QueryClientProvider client={queryClient}>
      <AdminArea />
    </QueryClientProvider>
  );
}

function AdminArea() {
  const lang: Lang = useLang();
  const t = adminT(lang);
  const session = useSession();
  // The chosen file outlives the session: after signing in again it is still chosen.
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    document.title = `${t('title')} · ${lang === 'zh' ? '禁毒工作数据看板' : 'Drug-control dashboard'}`;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang, t]);
  const state = session.data;
  return (
    <>
      <a className="skip-link" href="#admin-main">
        {lang === 'zh' ? '跳到主要内容' : 'Skip to main content'}
      </a>
      <AdminHeader
        lang={lang}
        t={t}
        user={state?.state === 'in' ? state.session.user.name : null}
      />
      <main id="admin-main" className="app-main admin-main">
        {session.isPending && <p role="status">{t('loading')}</p>}
        {session.isError && (
          <div role="alert" className="admin-error admin-card">
            <p>{errorText(session.error, lang, t)}</p>
            <button type="button" className="btn btn--ghost" onClick={() => void session.refetch()}>
              {t('retry')}
            </button>
          </div>
        )}
        {state?.state === 'out' && (
          <SignInForm lang={lang} t={t} reason={state.reason} keptFile={file?.name ?? null} />
        )}
        {state?.state === 'in' && (
          <>
            <nav aria-label={t('nav.label')} className="admin-nav">
              <a href="#admin-upload">{t('nav.upload')}</a>
              <a href="#admin-editions">{t('nav.editions')}</a>
              <a href="#admin-audit">{t('nav.audit')}</a>
            </nav>
            <UploadSection file={file} onFile={setFile} lang={lang} t={t} />
            <EditionsSection lang={lang} t={t} />
            <AuditSection lang={lang} t={t} />
          </>
        )}
      </main>
    </>
  );
}
