import { PEOPLE, text, type DemoIndicator } from './indicator-ids';

/** Indicators about drug users and their rehabilitation: the campaign's outcome measures. */
export const peopleIndicators: readonly DemoIndicator[] = [
  {
    id: 'user-share',
    name: text('吸毒人员占常住人口比例', 'Drug users per 1,000 residents'),
    unit: 'permille',
    decimals: 2,
    better: 'lower',
    programme: 'manage',
    headline: true,
    description: text(
      '登记在册吸毒人员数与常住人口之比（千分比）。',
      'Registered drug users per 1,000 resident population.',
    ),
  },
  {
    id: 'registered-users',
    name: text('现有登记在册吸毒人员', 'Registered drug users'),
    unit: 'count',
    unitLabel: PEOPLE,
    decimals: 0,
    better: 'lower',
    programme: 'manage',
    description: text(
      '年末仍在册管控的吸毒人员人数。',
      'Drug users on the register at the end of the year.',
    ),
  },
  {
    id: 'new-users',
    name: text('新发现吸毒人员', 'Newly identified drug users'),
    unit: 'count',
    unitLabel: PEOPLE,
    decimals: 0,
    better: 'lower',
    programme: 'manage',
    headline: true,
    description: text(
      '当年首次被查获登记的吸毒人员。',
      'Drug users identified and registered for the first time that year.',
    ),
  },
  {
    id: 'abstinent-3y-share',
    name: text('戒断三年未复吸人员占比', 'Abstinent for three years'),
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    programme: 'manage',
    headline: true,
    description: text(
      '戒断三年以上未发现复吸的人员占登记吸毒人员的比例。',
      'Share of registered users with no relapse detected for three years or more.',
    ),
  },
  {
    id: 'rehab-execution-rate',
    name: text('社区戒毒社区康复执行率', 'Community rehabilitation execution rate'),
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    programme: 'manage',
    headline: true,
    description: text(
      '责令社区戒毒社区康复人员中实际执行的比例，目标为100%。',
      'Share of community rehabilitation orders actually carried out; the target is 100%.',
    ),
  },
  {
    id: 'rehab-reporting-rate',
    name: text('社区戒毒社区康复报到率', 'Community rehabilitation reporting rate'),
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    programme: 'manage',
    description: text(
      '责令人员按期报到的比例，目标为95%。',
      'Share of people ordered to community rehabilitation who reported on time; target 95%.',
    ),
  },
  {
    id: 'compulsory-admissions',
    name: text('强制隔离戒毒收戒人数', 'Compulsory rehab admissions'),
    unit: 'count',
    unitLabel: PEOPLE,
    decimals: 0,
    better: 'neutral',
    programme: 'admit',
    description: text(
      '当年送强制隔离戒毒的人数；应收尽收，但人数随吸毒人员减少而下降。',
      'People sent to compulsory isolated rehabilitation; falls as the user population shrinks.',
    ),
  },
];
