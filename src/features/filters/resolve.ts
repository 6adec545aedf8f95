import type { Campaign, Indicator, Meta, Programme, Region } from '@contract/types';
import { VIEWS } from './url-params';
import type { RawFilters, View } from './url-params';
import { validIn } from '@/lib/validity';

export interface IgnoredParam {
  param: string;
  value: string;
  /** Set when the id is known but the region did not exist in `year` (contract 1.1). */
  outside?: { region: Region; year: number };
}

/** Filters checked against meta: every id here exists. Data-dependent defaults come later. */
export interface ValidFilters {
  view: View;
  campaign: Campaign | null;
  year: number | null;
  compare: number | null;
  district: Region | null;
  towns: Region[];
  programme: Programme | null;
  indicator: Indicator | null;
  ignored: IgnoredParam[];
}

export function districtsOf(meta: Meta): Region[] {
  return meta.regions.filter((r) => r.level === 'district');
}

export function townshipsOf(meta: Meta, districtId: string): Region[] {
  return meta.regions.filter((r) => r.level === 'township' && r.parent === districtId);
}

function parseYear(text: string | null, meta: Meta): number | null | undefined {
  if (text === null) return null;
  const y = Number(text);
  return Number.isInteger(y) && meta.years.includes(y) ? y : undefined;
}

export function validateFilters(raw: RawFilters, meta: Meta): ValidFilters {
  const ignored: IgnoredParam[] = [];
  const pick = <T extends { id: string }>(
    param: string,
    value: string | null,
    list: readonly T[],
  ): T | null => {
    if (value === null) return null;
    const found = list.find((x) => x.id === value);
    if (!found) ignored.push({ param, value });
    return found ?? null;
  };
  const year = (param: 'year' | 'compare') => {
    const y = parseYear(raw[param], meta);
    if (y === undefined) ignored.push({ param, value: raw[param] ?? '' });
    return y ?? null;
  };

  const view = VIEWS.find((v) => v === raw.view) ?? 'overview';
  if (raw.view !== null && view !== raw.view) ignored.push({ param: 'view', value: raw.view });

  const byId = new Map(meta.regions.map((r) => [r.id, r]));
  // A region outside its validity years is not offered for them (the year is reported below).
  const shownYear = parseYear(raw.year, meta) ?? null;
  const outside = (param: string, region: Region): boolean => {
    if (shownYear === null || validIn(region, shownYear)) return false;
    ignored.push({ param, value: region.id, outside: { region, year: shownYear } });
    return true;
  };
  let district = pick('district', raw.district, districtsOf(meta));
  if (district && outside('district', district)) district = null;
  // A township link without a district implies its district; a township elsewhere is dropped.
  if (!district && raw.district === null && raw.town[0] !== undefined) {
    const first = byId.get(raw.town[0]);
    const parent = first?.level === 'township' && first.parent ? byId.get(first.parent) : undefined;
    if (parent?.level === 'district') district = parent;
  }
  const towns: Region[] = [];
  for (const id of raw.town) {
    const r = byId.get(id);
    if (r && r.level === 'township' && district && r.parent === district.id) {
      if (!outside('town', r)) towns.push(r);
    } else ignored.push({ param: 'town', value: id });
  }

  return {
    view,
    campaign: pick('campaign', raw.campaign, meta.campaigns),
    year: year('year'),
    compare: year('compare'),
    district,
    towns,
    programme: pick('programme', raw.programme, meta.programmes),
    indicator: pick('indicator', raw.indicator, meta.indicators),
    ignored,
  };
}
