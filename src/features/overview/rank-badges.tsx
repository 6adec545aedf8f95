import { scopeWord } from '@/features/charts/scope-word';
import { Panel } from '@/features/data/panel';
import { useRankings } from '@/features/data/queries';
import { regionById } from '@/features/data/select';
import type { Assessment, Meta, Ranking, Region } from '@contract/types';
import type { Lang, T } from '@/lib/i18n';
import { rankingRequest } from './rank-request';

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export function rankText(
  meta: Meta,
  a: Assessment,
  r: Ranking,
  tied: boolean,
  lang: Lang,
  t: T,
): string {
  const scope = scopeWord(meta, a, lang);
  const rank = lang === 'zh' ? String(r.rank) : ordinal(r.rank);
  return `${tied ? t('rank.tied') : ''}${t('rank.badge', { scope, rank, of: r.of })}`;
}

function isBelow(meta: Meta, id: string, ancestor: string): boolean {
  let current = regionById(meta, id)?.parent;
  for (let depth = 0; current && depth < 20; depth++) {
    if (current === ancestor) return true;
    current = regionById(meta, current)?.parent;
  }
  return false;
}

export function RankBadges({
  meta,
  region,
  ready,
  year,
  lang,
  t,
}: {
  meta: Meta;
  region: Region | null;
  /** False until the headline data has chosen the region: asking earlier asks for the wrong one. */
  ready: boolean;
  year: number;
  lang: Lang;
  t: T;
}) {
  const query = useRankings(ready ? meta : undefined, rankingRequest(meta, region));
  if (meta.assessments.length === 0) return null;
  return (
    <section aria-labelledby="ranks-heading" className="rank-section">
      <h2 id="ranks-heading" className="section-title">
        {t('overview.ranks')}
        {region && (
          <span className="section-title__sub">
            {t('overview.region', { region: region.name[lang], year })}
          </span>
        )}
      </h2>
      <Panel query={query} t={t} rows={1}>
        {(ranked) => (
          <ul className="rank-badges">
            {meta.assessments.map((a) => {
              const rows = ranked.data.filter((x) => x.assessment === a.id && x.year === year);
              const own = rows.find((x) => x.region === region?.id);
              // A region that is not itself ranked (a city) shows how its ranked sub-regions did.
              const shown = own
                ? [own]
                : region
                  ? rows
                      .filter((x) => isBelow(meta, x.region, region.id))
                      .sort((p, q) => p.rank - q.rank)
                      .slice(0, 4)
                  : [];
              return (
                <li
                  key={a.id}
                  className={`rank-badge${own?.rank === 1 ? ' rank-badge--first' : ''}`}
                >
                  <span className="rank-badge__name">{a.name[lang]}</span>
                  {shown.length === 0 && (
                    <span className="rank-badge__value">{t('state.missing')}</span>
                  )}
                  {shown.map((r) => {
                    const tied = rows.some((x) => x !== r && x.rank === r.rank);
                    const text = rankText(meta, a, r, tied, lang, t);
                    return (
                      <span
                        key={r.region}
                        className={own ? 'rank-badge__value' : 'rank-badge__sub'}
                      >
                        {own
                          ? text
                          : `${regionById(meta, r.region)?.name[lang] ?? r.region}${lang === 'zh' ? '：' : ': '}${text}`}
                      </span>
                    );
                  })}
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
    </section>
  );
}
