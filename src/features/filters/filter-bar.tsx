import { useId } from 'react';
import type { Meta } from '@contract/types';
import type { Lang, T } from '@/lib/i18n';
import type { Controls } from './controls';
import { scopeOf, scopeText } from './scope';
import { IgnoredNotice } from './ignored-notice';
import { groupedProgrammes } from './programme-kind';
import { districtsOf, townshipsOf } from './resolve';
import { useFiltersOpen, useUiActions } from './ui-store';
import type { Selection } from './use-filters';
import { useSetFilters } from './use-filters';
import { validIn } from '@/lib/validity';
import { yearRange } from '@/lib/year-range';

interface Props {
  meta: Meta;
  selection: Selection;
  /** The view's own controls, from its recipe: which show, and the values its charts use. */
  controls: Controls;
  lang: Lang;
  t: T;
}

function Select({
  label,
  value,
  onChange,
  options,
  wide = false,
}: {
  label: string;
  value: string;
  /** Long option names (campaigns, indicators): more room, and a whole row in the phone sheet. */
  wide?: boolean;
  onChange: (v: string) => void;
  /** `group`: options of one group are listed together under its label. */
  options: { value: string; label: string; group?: string }[];
}) {
  const id = useId();
  const option = (o: { value: string; label: string }) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((g) =>
          g === undefined ? (
            options.filter((o) => o.group === undefined).map(option)
          ) : (
            <optgroup key={g} label={g}>
              {options.filter((o) => o.group === g).map(option)}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}

/** The sticky filter bar; on a phone it folds into a sheet behind one button. */
export function FilterBar({ meta, selection, controls, lang, t }: Props) {
  const set = useSetFilters();
  const open = useFiltersOpen();
  const { toggleFilters } = useUiActions();
  // Regions outside their validity years (merged townships) are not offered for those years.
  const districts = districtsOf(meta).filter((r) => validIn(r, selection.year));
  const towns = selection.district
    ? townshipsOf(meta, selection.district.id).filter((r) => validIn(r, selection.year))
    : [];
  const chosenTowns = new Set(selection.towns.map((r) => r.id));
  const { indicator, programme } = controls;

  return (
    <>
      <div className={`filter-bar${open ? ' filter-bar--open' : ''}`}>
        <button
          type="button"
          className="btn filter-bar__toggle"
          aria-expanded={open}
          aria-controls="filter-fields"
          onClick={toggleFilters}
        >
          {t('filters.open')}
          <span className="filter-bar__summary">
            {t('filters.showing', {
              region: selection.selected?.name[lang] ?? '',
              year: selection.year,
            })}
          </span>
        </button>
        <form
          id="filter-fields"
          className="filter-bar__fields"
          aria-label={t('filters.label')}
          onSubmit={(e) => e.preventDefault()}
        >
          {meta.campaigns.length > 0 && (
            <Select
              wide
              label={t('filters.campaign')}
              value={selection.campaign?.id ?? ''}
              onChange={(v) => set({ campaign: v, year: null, compare: null })}
              options={meta.campaigns.map((c) => ({
                value: c.id,
                label: t('filters.campaignOption', {
                  campaign: c.name[lang],
                  years: yearRange(c.startYear, c.endYear, lang),
                }),
              }))}
            />
          )}
          <Select
            label={t('filters.year')}
            value={String(selection.year)}
            onChange={(v) => {
              const y = Number(v);
              // Choices the new year does not have are dropped, not reported as a bad link.
              const dropDistrict = selection.district !== null && !validIn(selection.district, y);
              const kept = selection.towns.filter((r) => validIn(r, y));
              set({
                year: v,
                ...(selection.compare !== null && selection.compare >= y ? { compare: null } : {}),
                ...(dropDistrict ? { district: null, town: [] } : {}),
                ...(!dropDistrict && kept.length < selection.towns.length
                  ? { town: kept.map((r) => r.id) }
                  : {}),
              });
            }}
            options={[...meta.years].reverse().map((y) => ({ value: String(y), label: String(y) }))}
          />
          {controls.compare && (
            <Select
              label={t('filters.compare')}
              value={String(selection.compare ?? '')}
              onChange={(v) =>
                set({ compare: v === String(selection.campaign?.baselineYear) ? null : v })
              }
              options={meta.years
                .filter((y) => y < selection.year)
                .reverse()
                .map((y) => ({
                  value: String(y),
                  label:
                    y === selection.campaign?.baselineYear
                      ? t('filters.baseline', { year: y })
                      : String(y),
                }))}
            />
          )}
          {districts.length > 0 && (
            <Select
              label={t('filters.district')}
              value={selection.district?.id ?? ''}
              onChange={(v) => set({ district: v || null, town: [] })}
              options={[
                {
                  value: '',
                  label: t('filters.allOf', { region: selection.top?.name[lang] ?? '' }),
                },
                ...districts.map((d) => ({ value: d.id, label: d.name[lang] })),
              ]}
            />
          )}
          {indicator && (
            <Select
              wide
              label={t('filters.indicator')}
              value={indicator.id}
              onChange={(v) => set({ indicator: v })}
              options={meta.indicators.map((i) => ({ value: i.id, label: i.name[lang] }))}
            />
          )}
          {programme && (
            <Select
              label={t('filters.programme')}
              value={programme.id}
              onChange={(v) => set({ programme: v })}
              options={groupedProgrammes(meta.programmes).map(({ programme: p, group }) => ({
                value: p.id,
                label: p.name[lang],
                group: group[lang],
              }))}
            />
          )}
          {controls.towns && towns.length > 0 && (
            <fieldset className="field field--towns">
              <legend>{t('filters.township')}</legend>
              <div className="towns">
                {towns.map((r) => (
                  <label key={r.id} className="check">
                    <input
                      type="checkbox"
                      checked={chosenTowns.has(r.id)}
                      onChange={(e) => {
                        const next = e.target.checked
                          ? [...selection.towns.map((x) => x.id), r.id]
                          : selection.towns.map((x) => x.id).filter((id) => id !== r.id);
                        set({ town: next });
                      }}
                    />
                    {r.name[lang]}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </form>
      </div>
      <p className="print-only">
        {t('print.filters', {
          // A view without township choices compares districts: it names no townships.
          filters: scopeText(
            scopeOf(meta, selection, controls.towns ? 'township' : 'district'),
            lang,
          ),
        })}
      </p>
      <IgnoredNotice ignored={selection.ignored} t={t} lang={lang} />
    </>
  );
}
