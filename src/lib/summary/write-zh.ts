/**
 * Chinese sentences for summary facts: "2019年龙华区新发现吸毒人员10人，较2016年（基线年）下降
 * 93.4%，向好；在全市4个区中最低。" Clauses are joined with full-width punctuation and the
 * paragraph ends with "。".
 */
import type { Change } from '../change';
import { ARROWS, formatChange, formatValueText, unitText } from '../format';
import type { UnitSpec } from '../format';
import type { CampaignTotal } from '../campaign-total';
import { translator } from '../i18n';
import { gapWord } from '../missing';
import type {
  Compared,
  IndicatorFacts,
  PartsFacts,
  PeerFacts,
  RankFacts,
  RankItem,
  Reference,
  SummaryWriter,
} from './facts';
import { yearRange } from '../year-range';

const t = translator('zh');

const W = {
  baseline: '基线年',
  previous: '上年',
  provisional: '初步数据',
  privacy: '为保护隐私不显示具体数字',
  up: '上升',
  down: '下降',
  noData: '暂无数据',
  withheld: '数据保密，不予公开',
  notReported: '未报送',
  notApplicable: '不适用',
  withProvisional: '含初步数据',
  notComparable: '无法比较',
  low: '低',
  high: '高',
} as const;

const REASON = {
  withheld: '数据保密',
  missing: '未报送',
  'not-applicable': '不适用',
} as const;

/** "2016年（基线年）", "2018年", "上年" */
function refText(ref: Reference): string {
  if (ref.kind === 'previous') return W.previous;
  return ref.baseline ? `${ref.year}年（${W.baseline}）` : `${ref.year}年`;
}

/** "93.4%" or "3.00个千分点": formatChange without its arrow. */
function magnitude(change: Change, spec: UnitSpec): string {
  const text = formatChange(change, spec, 'zh');
  const arrow = ARROWS[change.direction];
  return text.startsWith(arrow) ? text.slice(arrow.length).trimStart() : text;
}

function clause(c: Compared, f: IndicatorFacts): string {
  const ref = refText(c.ref);
  const dir = c.direction === 'up' ? W.up : W.down;
  if (!c.change) return `由${ref}的${formatValueText(c.from, f.unit, 'zh')}${dir}`;
  if (c.direction === 'flat') return `与${ref}持平`;
  return `较${ref}${dir}${magnitude(c.change, f.unit)}`;
}

/** "在全市4个区中最低", "在龙华区11个镇/街道中由低到高居第10位". */
function peerText(p: PeerFacts): string {
  const group = p.withData < p.size ? `${p.groupLabel}中有数据的${p.withData}个` : p.groupLabel;
  if (p.allSame) return `${group}数值相同`;
  const [first, last] = p.countedFrom === 'lowest' ? [W.low, W.high] : [W.high, W.low];
  const joint = p.tied ? '并列' : '';
  let where: string;
  if (p.rank === 1) where = `${joint}最${first}`;
  else if (p.rankFromOtherEnd === 1) where = `${joint}最${last}`;
  else where = `由${first}到${last}${p.tied ? '并列' : '居'}第${p.rank}位`;
  return p.withData < p.size ? `在${group}里${where}` : `在${group}中${where}`;
}

function indicator(f: IndicatorFacts): string {
  const year = f.yearIsBaseline ? `${f.year}年（${W.baseline}）` : `${f.year}年`;
  const head = `${year}${f.regionName}${f.indicatorName}`;
  if (f.status === 'missing') {
    const why =
      f.reason === 'withheld'
        ? W.withheld
        : f.reason === 'missing'
          ? W.notReported
          : f.reason === 'not-applicable'
            ? W.notApplicable
            : W.noData;
    return `${head}${why}。`;
  }
  if (f.status === 'suppressed') {
    const notes = [...(f.provisional ? [W.provisional] : []), W.privacy].join('；');
    return `${head}少于${formatValueText(f.below, f.unit, 'zh')}（${notes}）。`;
  }

  const measured = f.unit.unit === 'count' && unitText(f.unit, 'zh') !== '';
  const valueText = formatValueText(f.value, f.unit, 'zh');
  // With no figure of its own, the whole is described by the part that leads it, named as such.
  const p = f.leadsParts ? f.parts : undefined;
  let first: string;
  if (p) {
    const joint = p.leaders.length > 1 ? '并列' : '';
    const note = f.provisional ? `，${W.provisional}` : '';
    first = p.allSame
      ? `${year}${partsGroup(p, '')}${f.indicatorName}均为${valueText}${f.provisional ? `（${W.provisional}）` : ''}`
      : `${year}${partsGroup(p, '里')}${p.leaders.join('、')}${f.indicatorName}${joint}最${endWord(p.end, f)}（${valueText}${note}）`;
    // Why the whole has no figure, when the server said: "2022年海口市无毒社区（村）数据保密；…".
    if (f.whole)
      first = `${year}${f.whole.name}${f.indicatorName}${REASON[f.whole.reason]}；${first.slice(year.length)}`;
    // Changes and totals belong to one region: said only when one region leads.
    if (p.leaders.length > 1) return `${first}。`;
  } else {
    first = `${head}${measured ? '' : '为'}${valueText}`;
    if (f.provisional) first += `（${W.provisional}）`;
  }

  const comparisons = [f.vsCompare, f.vsPrevious].filter((c) => c !== null);
  const compared = comparisons.filter((c) => c.status === 'compared');
  if (compared.length > 0) {
    const texts = compared.map((c) => clause(c, f));
    if (f.overall === 'mixed')
      first += `，${compared.map((c, i) => `${texts[i] ?? ''}，${t(`card.${c.verdict}`)}`).join('；')}`;
    else first += `，${[...texts, ...(f.overall ? [t(`card.${f.overall}`)] : [])].join('，')}`;
  }
  const parts = [first];

  const noData = comparisons.filter((c) => c.status === 'no-data');
  const missing = noData.map((c) => refText(c.ref));
  if (noData.some((c) => c.reason)) {
    // Each year with its own reason: "上年数据保密，2016年（基线年）暂无数据，无法比较".
    const why = noData.map((c) => `${refText(c.ref)}${c.reason ? REASON[c.reason] : W.noData}`);
    parts.push(`${why.join('，')}，${W.notComparable}`);
  } else if (missing.length > 0) {
    const who = missing.length === 1 ? (missing[0] ?? '') : `${missing.join('和')}均`;
    parts.push(`${who}${W.noData}，${W.notComparable}`);
  }
  if (f.peers) parts.push(peerText(f.peers));
  if (f.parts && !p) parts.push(partsText(f.parts, f));
  if (f.total) parts.push(`${p ? f.regionName : ''}${totalText(f.total, f)}`);
  return `${parts.join('；')}。`;
}

/** "多"/"少" for counts and amounts, "高"/"低" for rates and scores (as the league says). */
function endWord(end: PartsFacts['end'], f: IndicatorFacts): string {
  const rate = f.unit.unit === 'percent' || f.unit.unit === 'permille' || f.unit.unit === 'score';
  if (end === 'highest') return rate ? '高' : '多';
  return rate ? '低' : '少';
}

/** "海口市4个区中", "海口市4个区中有数据的3个里" (`after` ends the second form). */
function partsGroup(p: PartsFacts, after: string): string {
  return p.withData < p.size
    ? `${p.groupLabel}中有数据的${p.withData}个${after}`
    : `${p.groupLabel}${after ? '中' : ''}`;
}

/** "海口市4个区中美兰区最多（98起）", "海口市4个区均为98起". */
function partsText(p: PartsFacts, f: IndicatorFacts): string {
  const value = formatValueText(p.value, f.unit, 'zh');
  if (p.allSame) return `${partsGroup(p, '')}均为${value}`;
  const joint = p.leaders.length > 1 ? '并列' : '';
  return `${partsGroup(p, '里')}${p.leaders.join('、')}${joint}最${endWord(p.end, f)}（${value}）`;
}

/** "2017–2019年合计200人（含初步数据）", "因2018年保密，不计算2017–2019年合计". */
function totalText(total: CampaignTotal, f: IndicatorFacts): string {
  const what = `${span(total.from, total.to)}年${total.rule === 'sum' ? '合计' : '累计'}`;
  if (total.status === 'unavailable') {
    const why = total.gaps.map(({ year, gap }) =>
      gap.kind === 'suppressed' ? `${year}年数据不公开` : `${year}年${gapWord(gap, 'zh')}`,
    );
    return `因${why.join('、')}，不计算${what}`;
  }
  if (total.status !== 'total') return '';
  return `${what}${formatValueText(total.value, f.unit, 'zh')}${total.provisional ? `（${W.withProvisional}）` : ''}`;
}

const span = (start: number, end: number) => yearRange(start, end, 'zh');

const ofText = (of: number | null) => (of !== null ? `（共${of}个）` : '');

function rankItem(item: RankItem, f: RankFacts, first: boolean): string {
  const subject = first ? `${f.regionName}在${f.assessmentName}中` : '';
  switch (item.kind) {
    case 'run':
      return `${span(item.start, item.end)}年${subject}连续${item.end - item.start + 1}年位列${f.scopeWord}第1名`;
    case 'unranked':
      return `${span(item.start, item.end)}年${subject}暂无排名`;
    case 'focus': {
      const p = item.previous;
      const delta = !p
        ? ''
        : p.moved > 0
          ? `，较${p.year}年上升${p.moved}位`
          : p.moved < 0
            ? `，较${p.year}年下降${-p.moved}位`
            : `，与${p.year}年持平`;
      return first
        ? `${item.year}年${subject}位列${f.scopeWord}第${item.rank}名${ofText(item.of)}${delta}`
        : `${item.year}年为第${item.rank}名${ofText(item.of)}${delta}`;
    }
    case 'latest':
      return `最近一次排名为${item.year}年${f.scopeWord}第${item.rank}名${ofText(item.of)}`;
  }
}

function ranks(f: RankFacts): string {
  if (f.status === 'none') return `${f.regionName}在${f.assessmentName}中暂无排名数据。`;
  return `${f.items.map((item, i) => rankItem(item, f, i === 0)).join('；')}。`;
}

export const zhWriter: SummaryWriter = { indicator, ranks };
