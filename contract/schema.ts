/**
 * Wire schemas for one record of each kind (CONTRACT.md, version 1). Loose objects: fields we
 * do not know are ignored, as the contract's forward-compatibility rule requires. Cross-record
 * rules (known ids, duplicates, years in meta) are checked in parse-*.ts.
 */
import * as v from 'valibot';
import { MAX_ID, MAX_TEXT } from './ids';
import { AGGREGATIONS, OBSERVATION_STATUSES, REGION_LEVELS } from './types';
import type { Localized } from './types';

// The contract's limits only: the importer's stricter id and text rules (contract/ids.ts) are
// not applied to what a server sends.
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));
const year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2200));
const finite = v.pipe(v.number(), v.finite());

/** {zh, en} with at least one non-empty; the empty one falls back to the other. */
export const localized = v.pipe(
  v.looseObject({ zh: v.optional(v.nullable(text)), en: v.optional(v.nullable(text)) }),
  v.check((l) => Boolean(l.zh?.trim() || l.en?.trim()), 'needs zh or en text'),
  v.transform((l): Localized => {
    const zh = l.zh?.trim() ?? '';
    const en = l.en?.trim() ?? '';
    return { zh: zh || en, en: en || zh };
  }),
);

export const regionSchema = v.looseObject({
  id,
  level: v.picklist(REGION_LEVELS),
  parent: v.nullable(id),
  name: localized,
  validFrom: v.optional(v.nullable(year)),
  validTo: v.optional(v.nullable(year)),
});

export const campaignSchema = v.looseObject({
  id,
  name: localized,
  startYear: year,
  endYear: year,
  baselineYear: year,
});

export const programmeSchema = v.looseObject({ id, name: localized });

export const indicatorSchema = v.looseObject({
  id,
  name: localized,
  unit: v.picklist(['count', 'percent', 'permille', 'cny', 'kg', 'score']),
  unitLabel: v.optional(v.nullable(localized)),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
  better: v.picklist(['lower', 'higher', 'neutral']),
  programme: v.optional(v.nullable(id)),
  headline: v.optional(v.nullable(v.boolean())),
  description: v.optional(v.nullable(localized)),
  aggregation: v.optional(v.nullable(v.picklist(AGGREGATIONS))),
});

const decimals = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4));

export const assessmentSchema = v.looseObject({
  id,
  name: localized,
  scope: v.nullable(id),
  scopeName: v.optional(v.nullable(localized)),
  better: v.optional(v.nullable(v.picklist(['higher', 'lower']))),
  scoreDecimals: v.optional(v.nullable(decimals)),
});

export const observationSchema = v.looseObject({
  indicator: id,
  region: id,
  year,
  value: v.nullable(finite),
  target: v.optional(v.nullable(finite)),
  provisional: v.optional(v.nullable(v.boolean())),
  note: v.optional(v.nullable(localized)),
  status: v.optional(v.nullable(v.picklist(OBSERVATION_STATUSES))),
});

export const rankingSchema = v.looseObject({
  assessment: id,
  year,
  region: id,
  rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
  of: v.pipe(v.number(), v.integer(), v.minValue(1)),
  score: v.optional(v.nullable(finite)),
});

export const configSchema = v.looseObject({
  apiBaseUrl: v.optional(v.pipe(v.string(), v.minLength(1))),
  apiCredentials: v.optional(v.picklist(['omit', 'include'])),
  title: v.optional(localized),
  suppressBelow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2))),
  requestTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000))),
  loginUrl: v.optional(
    v.pipe(v.string(), v.regex(/^https?:\/\/[^/\s]+/i, 'must be an http(s) URL')),
  ),
  /**
   * This project's own field (the contract ignores unknown ones): the data-keeper page of the
   * data service (数据管理), linked from the header; a path on this site or an http(s) URL.
   */
  dataAdminUrl: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^(https?:\/\/[^/\s]+|\.{0,2}\/(?!\/)|\?)/i,
        'must be an http(s) URL or a path on this site such as ./?page=data',
      ),
    ),
  ),
  // This deployment's own extension (not in the wire contract): the map view's geometry.
  boundariesUrl: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(2000))),
  boundariesIdProperty: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});
