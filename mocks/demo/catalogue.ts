import type { WireAssessment, WireCampaign, WireProgramme } from '@contract/wire-types';
import { HAIKOU, HAINAN } from './regions';

export const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022] as const;
export type DemoYear = (typeof YEARS)[number];
export const FIRST_YEAR = 2016;
/** The last year is still being audited when the data are published, hence provisional. */
export const PROVISIONAL_YEAR = 2022;

export const demoCampaigns: readonly WireCampaign[] = [
  {
    id: 'round-1',
    name: { zh: '首轮禁毒三年大会战', en: 'Three-year anti-drug campaign, round 1' },
    startYear: 2017,
    endYear: 2019,
    baselineYear: 2016,
  },
  {
    id: 'round-2',
    name: { zh: '新一轮禁毒三年大会战', en: 'Three-year anti-drug campaign, round 2' },
    startYear: 2020,
    endYear: 2022,
    baselineYear: 2019,
  },
];

/**
 * Six of the eight "八严" strands; the other two are deliberately absent because we have no
 * confirmed source for their names. The three named operations follow the strands.
 */
export const demoProgrammes: readonly WireProgramme[] = [
  { id: 'strike', name: { zh: '严打', en: 'Strict enforcement' } },
  { id: 'block', name: { zh: '严堵', en: 'Strict interdiction' } },
  { id: 'rectify', name: { zh: '严整', en: 'Strict rectification' } },
  { id: 'admit', name: { zh: '严收', en: 'Strict admission to rehabilitation' } },
  { id: 'manage', name: { zh: '严管', en: 'Strict management' } },
  { id: 'educate', name: { zh: '严教', en: 'Strict education' } },
  { id: 'op-autumn-winter', name: { zh: '秋冬攻势', en: 'Autumn–Winter Offensive' } },
  {
    id: 'op-two-strikes-two-controls',
    name: { zh: '两打两控', en: 'Two Strikes, Two Controls operation' },
  },
  { id: 'op-spring-thunder', name: { zh: '春雷行动', en: 'Operation Spring Thunder' } },
];

/** The two scored assessments say (1.1) that a higher score is better and how it is published. */
export const demoAssessments: readonly WireAssessment[] = [
  {
    id: 'province-overall',
    name: { zh: '全省禁毒工作综合考评', en: 'Provincial overall drug-control assessment' },
    scope: HAINAN,
    better: 'higher',
    scoreDecimals: 1,
  },
  {
    id: 'province-enforcement',
    name: {
      zh: '全省禁毒严打整治考评',
      en: 'Provincial enforcement and rectification assessment',
    },
    scope: HAINAN,
  },
  {
    id: 'city-overall',
    name: { zh: '全市禁毒工作考评', en: 'City drug-control assessment' },
    scope: HAIKOU,
    better: 'higher',
    scoreDecimals: 1,
  },
];
