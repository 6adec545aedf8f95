import { useMemo } from 'react';
import { useCompletion } from '@/features/completion/use-completion';
import { useConfig } from '@/features/data/config-context';
import { useMeta } from '@/features/data/queries';
import { headlineIndicators } from '@/features/data/select';
import { buildMapModel } from '@/features/map/map-model';
import { mapRecipe } from '@/features/map/recipe';
import { overviewInputs } from '@/features/overview/inputs';
import { useRecipe } from '@/features/recipe/use-recipe';
import type { Lang, T } from '@/lib/i18n';
import type { Meta } from '@contract/types';
import { useCycle } from './use-cycle';
import { sharedBadges, WallCards, wallCards } from './wall-cards';
import { WallCurrent } from './wall-current';
import { WallLists } from './wall-lists';
import { WallMap } from './wall-map';
import { WallTop } from './wall-top';
import { WallTrend } from './wall-trend';

/**
 * One screen from the queries the dashboard already makes: the overview's headline data (cards,
 * and the selection everything else follows, so the wall and the overview agree), the map's
 * lead-indicator data (map, cycle, ranking, trend) and the overview's completion data (warnings).
 */
export function WallBody({
  meta,
  lang,
  t,
  cycleMs,
}: {
  meta: Meta;
  lang: Lang;
  t: T;
  cycleMs: number;
}) {
  const config = useConfig();
  const demo = config.mode === 'demo';
  const metaQuery = useMeta();
  const headline = useRecipe(overviewInputs, meta);
  const lead = useRecipe(mapRecipe, meta);
  const { selection } = headline;
  const indicator = lead.controls.indicator;
  const leadIndex = lead.data.observations;
  const model = useMemo(
    () =>
      leadIndex && indicator
        ? buildMapModel({ meta, index: leadIndex, selection, indicator, lang, demo })
        : null,
    [meta, leadIndex, selection, indicator, lang, demo],
  );
  const completion = useCompletion(meta, selection);
  const knownIds = useMemo(() => new Set(meta.regions.map((r) => r.id)), [meta]);
  const regions = model?.regions ?? [];
  const step = useCycle(regions.length, cycleMs);
  const current = regions[step] ?? null;
  const cards = headlineIndicators(meta, 6).list;
  const queries = [metaQuery, headline.observations, lead.observations, completion.query];
  const headlineIndex = headline.observations.data?.index;
  const cardList = useMemo(
    () =>
      headlineIndex ? wallCards({ indicators: cards, index: headlineIndex, selection, lang }) : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- cards follow meta
    [meta, headlineIndex, selection, lang],
  );
  const shared = sharedBadges(cardList);

  return (
    <div className="wall">
      <WallTop
        title={config.title?.[lang] ?? meta.title?.[lang] ?? t('app.title')}
        subtitle={
          selection.selected
            ? t('wall.headline', {
                region: selection.selected.name[lang],
                year: selection.year,
                // The cards' first change, as build-card chooses it.
                against:
                  selection.compare !== null && selection.compare < selection.year
                    ? t('card.vsBaseline', { year: selection.compare })
                    : t('card.vsPrevious'),
              })
            : ''
        }
        badges={shared}
        dataAsOf={meta.dataAsOf}
        demo={demo}
        updatedAt={queries.map((q) => q.dataUpdatedAt)}
        lost={queries.some((q) => q.isError)}
        t={t}
      />
      {headlineIndex ? (
        <WallCards
          cards={cardList}
          shared={shared}
          heading={
            selection.selected
              ? t('overview.region', {
                  region: selection.selected.name[lang],
                  year: selection.year,
                })
              : ''
          }
        />
      ) : (
        <div className="wall-cards wall-cards--waiting" aria-busy="true" />
      )}
      <div className="wall-main">
        {model && leadIndex && indicator ? (
          <>
            <div className="wall-column">
              <WallCurrent model={model} region={current} position={step} t={t} />
              <WallTrend
                meta={meta}
                index={leadIndex}
                indicator={indicator}
                selection={selection}
                current={current?.region ?? null}
                lang={lang}
                demo={demo}
                t={t}
              />
            </div>
            <WallMap model={model} current={current?.region.id ?? null} knownIds={knownIds} t={t} />
            <WallLists
              model={model}
              completion={completion.model}
              current={current?.region.id ?? null}
              lang={lang}
              t={t}
            />
          </>
        ) : (
          <p className="wall-waiting" role="status">
            {lead.observations.isError ? t('wall.noData') : t('state.loading')}
          </p>
        )}
      </div>
    </div>
  );
}
