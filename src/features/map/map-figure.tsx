/**
 * The map in its frame: heading, legend, the map (or the schematic tile map), a tooltip for the
 * region under the pointer or focus, caption, table twin and export menu.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { PRINT_WIDTH, usePrinting } from '@/components/chart/use-print';
import { ChartFrame } from '@/components/chart-frame';
import { useConfig } from '@/features/data/config-context';
import { reportOtherIssues } from '@/features/data/quality-notice';
import type { T } from '@/lib/i18n';
import { ChoroplethMap } from './choropleth-map';
import { MapExportMenu } from './map-export-menu';
import { MapLegend } from './map-legend';
import type { MapModel } from './map-model';
import { mapHeight } from './map-shapes';
import { MapTip } from './map-tip';
import { useDrawnShapes, useMapGeometry } from './use-boundaries';

function useWidth(fallback = 720) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const measure = () => {
      if (node.clientWidth > 0) setWidth(node.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(node);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

interface Props {
  model: MapModel;
  knownIds: ReadonlySet<string>;
  t: T;
  onActivate: (id: string) => void;
}

export function MapFigure({ model, knownIds, t, onActivate }: Props) {
  const { url, query, matching, covered, geometry } = useMapGeometry(model, knownIds);
  const { ref, width: measured } = useWidth();
  // Paper is laid out at the page's width, not the window's (as every chart is).
  const printing = usePrinting();
  const width = printing ? PRINT_WIDTH : measured;
  const [active, setActive] = useState<string | null>(null);
  const schematic = geometry.kind === 'tiles';
  const height = mapHeight(model, geometry, width);
  const shapes = useDrawnShapes(model, geometry, width, height);
  const shown = model.regions.find((r) => r.region.id === active) ?? null;
  const mismatches = matching
    ? matching.unknownFeatures.length + matching.withoutFeature.length
    : 0;
  // The same mismatches in the page's data-quality notice, withdrawn when the map goes.
  const config = useConfig();
  useEffect(() => {
    if (!matching) return;
    const file = (url ?? '').split('/').pop() ?? '';
    reportOtherIssues('boundaries', [
      ...matching.unknownFeatures.map((id) => ({
        source: file,
        record: id,
        field: config.boundariesIdProperty,
        reason: t('map.unknownFeatureReason'),
        detail: id,
      })),
      // A level the file does not cover at all (townships in a file of districts) is drawn as
      // tiles and is not a mismatch of each of its regions.
      ...(covered ? matching.withoutFeature : []).map((id) => ({
        source: 'meta.regions',
        record: model.regions.find((r) => r.region.id === id)?.name ?? id,
        field: 'id',
        reason: t('map.withoutFeatureReason', { file }),
        detail: id,
      })),
    ]);
    return () => reportOtherIssues('boundaries', []);
  }, [matching, covered, url, config.boundariesIdProperty, model.regions, t]);
  const names = (ids: string[]) =>
    ids.map((id) => model.regions.find((r) => r.region.id === id)?.name ?? id).join('、');

  // What was shown when the finger came down: the tap's own focus and pointerenter show the
  // region before its click arrives, and must not count as the first tap.
  const shownAtDown = useRef<string | null>(null);
  const dismiss = useCallback(() => setActive(null), []);
  const activate = (id: string, pointer: string) => {
    // A first tap shows the figures; a second tap on the same region goes down a level.
    if (pointer === 'touch' && shownAtDown.current !== id) {
      setActive(id);
      return;
    }
    onActivate(id);
  };

  const captions = [
    ...model.notes,
    ...model.captionLines,
    ...(schematic ? [t('map.schematicNote')] : []),
  ];
  return (
    <ChartFrame
      title={model.title}
      subtitle={model.subtitle}
      captionLines={captions}
      table={model.table}
      labels={{ showTable: t('chart.showTable'), hideTable: t('chart.hideTable') }}
      actions={<MapExportMenu model={model} geometry={geometry} schematic={schematic} />}
    >
      <div className="map-figure">
        {url && query.isPending && <p className="map-figure__status">{t('map.loadingShapes')}</p>}
        {url && query.isError && (
          <p className="notice notice--error map-figure__error" role="alert">
            {t('map.boundariesError', { message: query.error.message })}
          </p>
        )}
        {matching && mismatches > 0 && (
          <details className="map-figure__mismatch">
            <summary>{t('map.mismatchTitle', { count: mismatches })}</summary>
            {matching.unknownFeatures.length > 0 && (
              <p>{t('map.unknownFeatures', { ids: matching.unknownFeatures.join(', ') })}</p>
            )}
            {matching.withoutFeature.length > 0 && (
              <p>{t('map.withoutFeature', { names: names(matching.withoutFeature) })}</p>
            )}
          </details>
        )}
        <MapLegend model={model} t={t} />
        <div
          className="map-figure__canvas"
          ref={ref}
          onPointerDownCapture={() => {
            shownAtDown.current = active;
          }}
          onPointerLeave={(e) => {
            if (e.pointerType === 'mouse') dismiss();
          }}
          onBlur={(e) => {
            if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)))
              dismiss();
          }}
        >
          {schematic && (
            <span className="map-figure__schematic" data-schematic="true">
              {t('map.schematic')}
            </span>
          )}
          <ChoroplethMap
            shapes={shapes}
            width={width}
            height={height}
            title={schematic ? `${model.title}（${t('map.schematic')}）` : model.title}
            active={active}
            onActivate={activate}
            onShow={(id) => {
              if (id !== null) setActive(id);
            }}
          />
          <MapTip model={model} shown={shown} panel={ref} width={width} t={t} onDismiss={dismiss} />
        </div>
        <p className="map-tip__hint">{t('map.tip')}</p>
      </div>
    </ChartFrame>
  );
}
