import type { WireDataset, WireMeta } from '@contract/wire-types';
import { CAPABILITIES } from '@contract/types';
import { dataVersionOf } from '../revision';
import { demoAssessments, demoCampaigns, demoProgrammes, YEARS } from './catalogue';
import { demoIndicators } from './indicators';
import { demoObservations } from './observations';
import { demoRankings } from './rankings';
import { demoRegions } from './regions';

export { demoObservations } from './observations';
export { demoRankings } from './rankings';

/** Marks a demo edition's dataVersion, so a log line tells demo data from a real service's. */
export const DEMO_VERSION_PREFIX = 'demo-';

const meta: WireMeta = {
  apiVersion: 1,
  // Revision 1.1: the demo honours every optional query feature (contract/filter.ts).
  capabilities: [...CAPABILITIES],
  title: { zh: '海口市禁毒工作数据（演示）', en: 'Haikou drug-control data (demo)' },
  source: {
    zh: '龙华区2016–2019年的部分数据来自龙华区2020年公布的首轮禁毒三年大会战工作报告；其余所有数值均为演示用的虚构示例数据。',
    en: "Some Longhua District figures for 2016–2019 come from the district's 2020 published report on the first three-year anti-drug campaign; every other value is illustrative demo data.",
  },
  dataAsOf: '2023-01-15',
  years: [...YEARS],
  regions: demoRegions,
  campaigns: demoCampaigns,
  programmes: demoProgrammes,
  indicators: demoIndicators,
  assessments: demoAssessments,
};

/** A hash of the data (see ../revision.ts): the same on every run, new when any value changes. */
export const DEMO_DATA_VERSION = dataVersionOf(
  { meta, observations: demoObservations, rankings: demoRankings },
  DEMO_VERSION_PREFIX,
);

export const demoMeta: WireMeta = {
  ...meta,
  dataVersion: DEMO_DATA_VERSION,
};

export const demoDataset: WireDataset = {
  meta: demoMeta,
  observations: demoObservations,
  rankings: demoRankings,
};
