/**
 * English sentences for summary facts: "In 2019, Longhua recorded 10 newly identified drug users,
 * 93.4% fewer than in 2016 (baseline) and 75.6% fewer than the year before — better. Lowest of
 * the city's 4 districts." Each statement is its own sentence.
 */
import type { Change } from '../change';
import { ARROWS, formatChange, formatValue, formatValueText } from '../format';
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

const t = translator('en');

const W = {
  provisional: 'provisional',
  privacy: 'exact figure withheld to protect privacy',
} as const;

const REASON = {
  withheld: 'withheld',
  missing: 'not reported',
  'not-applicable': 'not applicable',
} as const;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** A full stop, unless the text already ends with one (a name like "Co."). */
const sentence = (s: string): string => (s.endsWith('.') ? s : `${s}.`);

function ordinal(n: number): string {
  const m100 = n % 100;
  if (m100 >= 11 && m100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** After "for": "2016 (baseline)", "2018", "the year before". */
function refFor(ref: Reference): string {
  if (ref.kind === 'previous') return 'the year before';
  return ref.baseline ? `${ref.year} (baseline)` : `${ref.year}`;
}

/** After "than" or "from": "in 2016 (baseline)", "the year before". */
const refThan = (ref: Reference) => (ref.kind === 'previous' ? refFor(ref) : `in ${refFor(ref)}`);

/**
 * English names are lower-cased when used inside a sentence, unless that would damage them
 * (acronyms, proper names, "Operation X: …" titles), in which case they are quoted as given.
 */
export function nameInSentence(name: string): { text: string; plain: boolean } {
  const plain = !/[A-Z]/.test(name.slice(1)) && !name.includes(':');
  return plain
    ? { text: name.charAt(0).toLowerCase() + name.slice(1), plain }
    : { text: `‘${name}’`, plain };
}

/** "93.4%" or "3.00 per-mille points": formatChange without its arrow. */
function magnitude(change: Change, spec: UnitSpec): string {
  const text = formatChange(change, spec, 'en');
  const arrow = ARROWS[change.direction];
  return text.startsWith(arrow) ? text.slice(arrow.length).trimStart() : text;
}

function clause(c: Compared, f: IndicatorFacts): string {
  if (!c.change)
    return `${c.direction} from ${formatValueText(c.from, f.unit, 'en')} ${refThan(c.ref)}`;
  if (c.direction === 'flat') return `the same as ${refThan(c.ref)}`;
  const counted = c.change.kind === 'relative' && f.unit.unit === 'count';
  const comparative =
    c.direction === 'up' ? (counted ? 'more' : 'higher') : counted ? 'fewer' : 'lower';
  return `${magnitude(c.change, f.unit)} ${comparative} than ${refThan(c.ref)}`;
}

/** "Lowest of the city's 4 districts.", "Joint 2nd lowest of the 3 with data among …". */
function peerText(p: PeerFacts): string {
  const group =
    p.withData < p.size ? `the ${p.withData} with data among ${p.groupLabel}` : p.groupLabel;
  if (p.allSame) return `${capitalize(group)} all recorded the same figure.`;
  const [first, last] = p.countedFrom === 'lowest' ? ['lowest', 'highest'] : ['highest', 'lowest'];
  const joint = p.tied ? 'joint ' : '';
  let where: string;
  if (p.rank === 1) where = `${joint}${first}`;
  else if (p.rankFromOtherEnd === 1) where = `${joint}${last}`;
  else where = `${joint}${ordinal(p.rank)} ${first}`;
  return `${capitalize(where)} of ${group}.`;
}

function indicator(f: IndicatorFacts): string {
  const year = f.yearIsBaseline ? `${f.year} (baseline)` : `${f.year}`;
  const name = nameInSentence(f.indicatorName);
  const counted = f.unit.unit === 'count' && name.plain;
  const region = f.regionName;
  if (f.status === 'missing') {
    switch (f.reason) {
      case 'withheld':
        return sentence(
          `In ${year}, the figure for ${name.text} in ${region} is withheld for confidentiality`,
        );
      case 'missing':
        return sentence(`In ${year}, ${name.text} in ${region} was not reported`);
      case 'not-applicable':
        return sentence(`In ${year}, ${name.text} does not apply to ${region}`);
      default:
        return sentence(`In ${year}, there is no figure for ${name.text} in ${region}`);
    }
  }
  if (f.status === 'suppressed') {
    const notes = [...(f.provisional ? [W.provisional] : []), W.privacy].join('; ');
    const below = counted
      ? `${region} recorded fewer than ${formatValue(f.below, f.unit, 'en').number} ${name.text}`
      : `${name.text} in ${region} was below ${formatValueText(f.below, f.unit, 'en')}`;
    return sentence(`In ${year}, ${below} (${notes})`);
  }

  const p = f.leadsParts ? f.parts : undefined;
  const provisional = f.provisional ? ` (${W.provisional})` : '';
  let first: string;
  if (p) {
    // With no figure of its own, the whole is described by the part that leads it, named as such.
    const group = partsGroup(p);
    const names = list(p.leaders);
    const jointly = p.leaders.length > 1 ? 'jointly ' : '';
    const note = f.provisional ? `, ${W.provisional}` : '';
    const number = counted
      ? formatValue(f.value, f.unit, 'en').number
      : formatValueText(f.value, f.unit, 'en');
    if (p.allSame)
      first = `In ${year}, ${group} all recorded the same figure for ${name.text}: ${formatValueText(f.value, f.unit, 'en')}${provisional}`;
    else if (counted)
      first = `In ${year}, of ${group}, ${names} ${jointly}recorded the ${p.end === 'highest' ? 'most' : 'fewest'} ${name.text} (${number}${note})`;
    else
      first = `In ${year}, of ${group}, ${name.text} was ${jointly}${p.end} in ${names} (${number}${note})`;
    // Why the whole has no figure, when the server said: "Haikou's figure is withheld. In 2022, …".
    if (f.whole)
      first = `${f.whole.name}'s figure for ${year} is ${REASON[f.whole.reason]}. ${first}`;
    // Changes and totals belong to one region: said only when one region leads.
    if (p.leaders.length > 1) return sentence(first);
  } else {
    const body = counted
      ? `${region} recorded ${formatValue(f.value, f.unit, 'en').number} ${name.text}`
      : `${name.text} in ${region} stood at ${formatValueText(f.value, f.unit, 'en')}`;
    first = `In ${year}, ${body}${provisional}`;
  }

  const comparisons = [f.vsCompare, f.vsPrevious].filter((c) => c !== null);
  const compared = comparisons.filter((c) => c.status === 'compared');
  if (compared.length > 0) {
    const texts = compared.map((c) => clause(c, f));
    first +=
      f.overall === 'mixed'
        ? `, ${compared.map((c, i) => `${texts[i] ?? ''} — ${t(`card.${c.verdict}`)}`).join(' — but ')}`
        : `, ${texts.join(' and ')}${f.overall ? ` — ${t(`card.${f.overall}`)}` : ''}`;
  }
  const sentences = [sentence(first)];

  const noData = comparisons.filter((c) => c.status === 'no-data');
  const missing = noData.map((c) => refFor(c.ref));
  if (noData.some((c) => c.reason)) {
    const why = noData.map(
      (c) => `the figure for ${refFor(c.ref)} is ${c.reason ? REASON[c.reason] : 'missing'}`,
    );
    sentences.push(`${capitalize(why.join(' and '))}, so there is nothing to compare with.`);
  } else if (missing.length === 1)
    sentences.push(`There is no figure for ${missing[0] ?? ''} to compare with.`);
  else if (missing.length > 1)
    sentences.push(`There are no figures for ${missing.join(' or ')} to compare with.`);
  if (f.peers) sentences.push(peerText(f.peers));
  if (f.parts && !p) sentences.push(partsText(f.parts, f));
  if (f.total) sentences.push(totalText(f.total, f, p ? region : null));
  return sentences.join(' ');
}

/** "Meilan", "Meilan and Longhua", "Meilan, Longhua and Xiuying". */
function list(names: readonly string[]): string {
  const last = names[names.length - 1] ?? '';
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${last}` : last;
}

/** "the 4 districts of Haikou", "the 3 with data among the 4 districts of Haikou". */
const partsGroup = (p: PartsFacts) =>
  p.withData < p.size ? `the ${p.withData} with data among ${p.groupLabel}` : p.groupLabel;

/** "Of the 4 districts of Haikou, Meilan recorded the most (98 cases)." */
function partsText(p: PartsFacts, f: IndicatorFacts): string {
  const group = partsGroup(p);
  const value = formatValueText(p.value, f.unit, 'en');
  if (p.allSame) return `${capitalize(group)} all recorded the same figure (${value}).`;
  const jointly = p.leaders.length > 1 ? 'jointly ' : '';
  const most =
    f.unit.unit === 'count'
      ? `recorded the ${p.end === 'highest' ? 'most' : 'fewest'}`
      : `had the ${p.end} figure`;
  return `Of ${group}, ${list(p.leaders)} ${jointly}${most} (${value}).`;
}

/** "The 2017–2019 total is 200 people (including provisional figures).", "No 2017–2019 total: …". */
function totalText(total: CampaignTotal, f: IndicatorFacts, owner: string | null): string {
  const what = `${span(total.from, total.to)} ${total.rule === 'sum' ? 'total' : 'cumulative figure'}`;
  if (total.status === 'unavailable') {
    const why = total.gaps.map(({ year, gap }) =>
      gap.kind === 'suppressed' ? `${year} not published` : `${year} ${gapWord(gap, 'en')}`,
    );
    return `There is no ${what}${owner ? ` for ${owner}` : ''}: ${why.join(', ')}.`;
  }
  if (total.status !== 'total') return '';
  const provisional = total.provisional ? ' (including provisional figures)' : '';
  return `${owner ? `${owner}'s` : 'The'} ${what} is ${formatValueText(total.value, f.unit, 'en')}${provisional}.`;
}

const span = (start: number, end: number) => yearRange(start, end, 'en');

function rankItem(item: RankItem, f: RankFacts, first: boolean): string {
  const { regionName: region, assessmentName: assessment, scopeWord: scope } = f;
  switch (item.kind) {
    case 'run': {
      const years = item.end - item.start + 1;
      const when = `for ${years} years running (${span(item.start, item.end)})`;
      return first
        ? `${region} ranked 1st in ${scope} in the ${assessment} ${when}`
        : `It ranked 1st in ${scope} ${when}`;
    }
    case 'unranked':
      return first
        ? `${region} has no ranking in the ${assessment} for ${span(item.start, item.end)}`
        : `No ranking for ${span(item.start, item.end)}`;
    case 'focus': {
      const p = item.previous;
      const places = (k: number) => `${k} place${k === 1 ? '' : 's'}`;
      const delta = !p
        ? ''
        : p.moved > 0
          ? `, up ${places(p.moved)} from ${p.year}`
          : p.moved < 0
            ? `, down ${places(-p.moved)} from ${p.year}`
            : `, unchanged from ${p.year}`;
      const of = item.of !== null ? ` of ${item.of}` : '';
      return first
        ? `In ${item.year}, ${region} ranked ${ordinal(item.rank)}${of} in ${scope} in the ${assessment}${delta}`
        : `In ${item.year} it ranked ${ordinal(item.rank)}${of}${delta}`;
    }
    case 'latest': {
      const of = item.of !== null ? ` of ${item.of}` : '';
      return `The latest ranking was ${ordinal(item.rank)}${of} in ${item.year}`;
    }
  }
}

function ranks(f: RankFacts): string {
  if (f.status === 'none')
    return `There is no ranking for ${f.regionName} in the ${f.assessmentName} up to ${f.focusYear}.`;
  return f.items.map((item, i) => `${rankItem(item, f, i === 0)}.`).join(' ');
}

export const enWriter: SummaryWriter = { indicator, ranks };
