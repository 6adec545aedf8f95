/**
 * One-paragraph, rule-written summaries for charts: what the focus region's value is, how it
 * changed against the comparison year and the year before, whether that is better or worse in
 * terms of the indicator's `better`, and where it stands among its peers.
 *
 * Honesty rules:
 * - a missing value is said to be missing, and nothing else is stated;
 * - a suppressed small count is stated only as "fewer than N", and no change or peer position
 *   is derived from it;
 * - provisional values are marked as such;
 * - rates change in points, everything else relatively (see change.ts);
 * - neutral indicators get a direction but never a verdict.
 *
 * The result is plain text. Names are inserted as given (no escaping, no stripping): callers
 * render it as a text node.
 */
import { computeChange, verdictFor } from './change';
import type { Better, Change, Direction, Verdict } from './change';
import {
  ARROWS,
  formatChange,
  formatValue,
  formatValueText,
  unitText,
  verdictWord,
} from './format';
import type { UnitSpec } from './format';
import type { Lang } from './i18n';

export interface SummaryInput {
  lang: Lang;
  indicatorName: string;
  unit: UnitSpec & { better: Better };
  regionName: string;
  year: number;
  value: number | null;
  provisional: boolean;
  suppressedBelow: number | null;
  /** The comparison year (the campaign's baseline unless the user chose another). */
  compare: { year: number; value: number | null; baseline: boolean } | null;
  /** The year before `year`; omit the clause when it is the same year as compare. */
  previous: { value: number | null } | null;
  /** Other regions shown in the same chart for `year` (the focus region included), e.g. the city's districts. */
  peers: { groupLabel: string; values: { name: string; value: number | null }[] } | null;
}

export interface RankSummaryInput {
  lang: Lang;
  assessmentName: string;
  regionName: string;
  /** e.g. "全省" / "the province" */
  scopeWord: string;
  /** Ascending years with the region's rank (null = not ranked that year). */
  ranks: { year: number; rank: number | null; of: number | null }[];
  focusYear: number;
}

type Spec = UnitSpec & { better: Better };

const isNum = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

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

/** "2016、2018—2019" (zh) / "2016 and 2018–2019" (en): consecutive years collapse to ranges. */
function yearList(years: readonly number[], lang: Lang): string {
  const ranges: string[] = [];
  let start: number | undefined;
  let end: number | undefined;
  const dash = lang === 'zh' ? '—' : '–';
  const flush = () => {
    if (start === undefined || end === undefined) return;
    ranges.push(start === end ? `${start}` : `${start}${dash}${end}`);
  };
  for (const y of years) {
    if (end !== undefined && y === end + 1) {
      end = y;
    } else {
      flush();
      start = end = y;
    }
  }
  flush();
  if (lang === 'zh') return ranges.join('、');
  if (ranges.length <= 1) return ranges.join('');
  return `${ranges.slice(0, -1).join(', ')} and ${ranges[ranges.length - 1] ?? ''}`;
}

// ---------------------------------------------------------------------------------------------
// Phrase table. Kept here rather than in the catalogues: these are sentence frames, not labels.
// ---------------------------------------------------------------------------------------------

const P = {
  zh: {
    baseline: (y: number) => `${y}年（基线年）`,
    compareYear: (y: number) => `${y}年`,
    previous: '上年',
    provisional: '初步数据',
    privacy: '为保护隐私不显示具体数字',
    up: '上升',
    down: '下降',
    noData: '暂无数据',
    notComparable: '无法比较',
  },
  en: {
    provisional: 'provisional',
    privacy: 'exact figure withheld to protect privacy',
  },
} as const;

/** How one comparison year is referred to in each language. */
interface Ref {
  /** "2016年（基线年）", "上年" */
  zh: string;
  /** after "than": "in 2016 (baseline)", "the year before" */
  enThan: string;
  /** after "for": "2016 (baseline)", "the year before" */
  enFor: string;
}

function compareRef(year: number, baseline: boolean): Ref {
  const label = baseline ? `${year} (baseline)` : `${year}`;
  return {
    zh: baseline ? P.zh.baseline(year) : P.zh.compareYear(year),
    enThan: `in ${label}`,
    enFor: label,
  };
}

const PREVIOUS_REF: Ref = {
  zh: P.zh.previous,
  enThan: 'the year before',
  enFor: 'the year before',
};

interface Clause {
  text: string;
  verdict: Verdict;
  verdictText: string;
}

/**
 * English names are lower-cased when used inside a sentence, unless that would damage them
 * (acronyms, proper names, "Operation X: …" titles), in which case they are quoted as given.
 */
function enNameInSentence(name: string): { text: string; plain: boolean } {
  const plain = !/[A-Z]/.test(name.slice(1)) && !name.includes(':');
  return plain
    ? { text: name.charAt(0).toLowerCase() + name.slice(1), plain }
    : { text: `‘${name}’`, plain };
}

/** "93.4%" or "3.00个千分点": formatChange without its arrow. */
function magnitude(change: Change, spec: UnitSpec, lang: Lang): string {
  const text = formatChange(change, spec, lang);
  const arrow = ARROWS[change.direction];
  return text.startsWith(arrow) ? text.slice(arrow.length).trimStart() : text;
}

function enComparative(spec: Spec, change: Change, direction: Direction): string {
  if (change.kind === 'relative' && spec.unit === 'count')
    return direction === 'up' ? 'more' : 'fewer';
  return direction === 'up' ? 'higher' : 'lower';
}

/** A change clause, or null when the reference value is missing (the caller notes that). */
function changeClause(
  from: number | null,
  to: number,
  ref: Ref,
  spec: Spec,
  lang: Lang,
): Clause | null {
  if (!isNum(from)) return null;
  const change = computeChange(from, to, spec.unit, spec.better);
  if (!change) {
    // Relative change from a zero base is undefined: state the direction, not a percentage.
    const direction: Direction = to > from ? 'up' : 'down';
    const verdict = verdictFor(direction, spec.better);
    const pseudo: Change = { kind: 'relative', amount: Number.NaN, direction, verdict, from, to };
    const base = formatValueText(from, spec, lang);
    const text =
      lang === 'zh'
        ? `由${ref.zh}的${base}${direction === 'up' ? P.zh.up : P.zh.down}`
        : `${direction} from ${base} ${ref.enThan}`;
    return { text, verdict, verdictText: verdictWord(pseudo, lang) };
  }
  const verdictText = verdictWord(change, lang);
  if (change.direction === 'flat') {
    const text = lang === 'zh' ? `与${ref.zh}持平` : `the same as ${ref.enThan}`;
    return { text, verdict: change.verdict, verdictText };
  }
  const amount = magnitude(change, spec, lang);
  const text =
    lang === 'zh'
      ? `较${ref.zh}${change.direction === 'up' ? P.zh.up : P.zh.down}${amount}`
      : `${amount} ${enComparative(spec, change, change.direction)} than ${ref.enThan}`;
  return { text, verdict: change.verdict, verdictText };
}

const judged = (c: Clause) => c.verdict === 'better' || c.verdict === 'worse';

/** Change clauses joined, with one verdict when they agree and one each when they do not. */
function joinClauses(clauses: readonly Clause[], lang: Lang): string {
  const verdicts = new Set(clauses.filter(judged).map((c) => c.verdict));
  if (verdicts.size <= 1) {
    const tail = clauses.find(judged)?.verdictText;
    if (lang === 'zh') return [...clauses.map((c) => c.text), ...(tail ? [tail] : [])].join('，');
    return clauses.map((c) => c.text).join(' and ') + (tail ? ` — ${tail}` : '');
  }
  if (lang === 'zh') return clauses.map((c) => `${c.text}，${c.verdictText}`).join('；');
  return clauses
    .map((c) => `${c.text} — ${c.verdictText} —`)
    .join(' but ')
    .replace(/ —$/, '');
}

function noteMissing(refs: readonly Ref[], lang: Lang): string | null {
  if (refs.length === 0) return null;
  if (lang === 'zh') {
    const who = refs.length === 1 ? (refs[0]?.zh ?? '') : `${refs.map((r) => r.zh).join('和')}均`;
    return `${who}${P.zh.noData}，${P.zh.notComparable}`;
  }
  return refs.length === 1
    ? `There is no figure for ${refs[0]?.enFor ?? ''} to compare with.`
    : `There are no figures for ${refs.map((r) => r.enFor).join(' or ')} to compare with.`;
}

function peerPhrase(input: SummaryInput, value: number): string | null {
  const { peers, lang, unit } = input;
  if (!peers) return null;
  const others = [...peers.values];
  const self = others.findIndex((p) => p.name === input.regionName);
  if (self >= 0) others.splice(self, 1);
  const valued = others.map((p) => p.value).filter(isNum);
  const n = valued.length + 1;
  if (n < 2) return null;
  const total = others.length + 1;

  // Rank from the better end; neutral indicators are ranked from the highest.
  const ascending = unit.better === 'lower';
  const ahead = valued.filter((v) => (ascending ? v < value : v > value)).length;
  const behind = valued.filter((v) => (ascending ? v > value : v < value)).length;
  const tied = ahead + behind < n - 1;
  // When some peers have no value (missing or suppressed), say the position is among those with data.
  const partial = n < total;
  const groupZh = partial ? `${peers.groupLabel}中有数据的${n}个` : peers.groupLabel;
  const groupEn = partial ? `the ${n} with data among ${peers.groupLabel}` : peers.groupLabel;

  if (ahead === 0 && behind === 0) {
    return lang === 'zh'
      ? `${groupZh}数值相同`
      : `${capitalize(groupEn)} all recorded the same figure.`;
  }
  const bestEnd = lang === 'zh' ? (ascending ? '低' : '高') : ascending ? 'lowest' : 'highest';
  const worstEnd = lang === 'zh' ? (ascending ? '高' : '低') : ascending ? 'highest' : 'lowest';
  let phrase: string;
  if (lang === 'zh') {
    const joint = tied ? '并列' : '';
    if (ahead === 0) phrase = `${joint}最${bestEnd}`;
    else if (behind === 0) phrase = `${joint}最${worstEnd}`;
    else phrase = `${tied ? '并列' : '居'}第${ahead + 1}${bestEnd}`;
    return partial ? `在${groupZh}里${phrase}` : `在${groupZh}中${phrase}`;
  }
  const joint = tied ? 'joint ' : '';
  if (ahead === 0) phrase = `${joint}${bestEnd}`;
  else if (behind === 0) phrase = `${joint}${worstEnd}`;
  else phrase = `${joint}${ordinal(ahead + 1)} ${bestEnd}`;
  return `${capitalize(phrase)} of ${groupEn}.`;
}

/** The opening: "2019年龙华区新发现吸毒人员10人" / "In 2019, Longhua recorded 10 newly identified drug users". */
function opening(
  input: SummaryInput,
  yearLabel: { zh: string; en: string },
  what: OpeningWhat,
): string {
  const { lang, unit, regionName, indicatorName } = input;
  if (lang === 'zh') {
    const head = `${yearLabel.zh}${regionName}${indicatorName}`;
    switch (what.kind) {
      case 'missing':
        return `${head}${P.zh.noData}`;
      case 'suppressed': {
        const notes = [...(input.provisional ? [P.zh.provisional] : []), P.zh.privacy].join('；');
        return `${head}少于${formatValueText(what.below, unit, lang)}（${notes}）`;
      }
      case 'value': {
        const text = formatValueText(what.value, unit, lang);
        const measured = unit.unit === 'count' && unitText(unit, lang) !== '';
        const prov = input.provisional ? `（${P.zh.provisional}）` : '';
        return `${head}${measured ? '' : '为'}${text}${prov}`;
      }
    }
  }
  const name = enNameInSentence(indicatorName);
  const counted = unit.unit === 'count' && name.plain;
  switch (what.kind) {
    case 'missing':
      return `In ${yearLabel.en}, there is no figure for ${name.text} in ${regionName}`;
    case 'suppressed': {
      const notes = [...(input.provisional ? [P.en.provisional] : []), P.en.privacy].join('; ');
      const below = counted
        ? `${regionName} recorded fewer than ${formatValue(what.below, unit, lang).number} ${name.text}`
        : `${name.text} in ${regionName} was below ${formatValueText(what.below, unit, lang)}`;
      return `In ${yearLabel.en}, ${below} (${notes})`;
    }
    case 'value': {
      const prov = input.provisional ? ` (${P.en.provisional})` : '';
      const body = counted
        ? `${regionName} recorded ${formatValue(what.value, unit, lang).number} ${name.text}`
        : `${name.text} in ${regionName} stood at ${formatValueText(what.value, unit, lang)}`;
      return `In ${yearLabel.en}, ${body}${prov}`;
    }
  }
}

type OpeningWhat =
  { kind: 'missing' } | { kind: 'suppressed'; below: number } | { kind: 'value'; value: number };

export function summarizeIndicator(input: SummaryInput): string {
  const { lang, year, compare, previous, unit } = input;
  const isBaselineYear = compare !== null && compare.baseline && compare.year === year;
  const yearLabel = {
    zh: isBaselineYear ? P.zh.baseline(year) : `${year}年`,
    en: isBaselineYear ? `${year} (baseline)` : `${year}`,
  };
  const finish = (parts: string[]) =>
    lang === 'zh'
      ? `${parts.join('；')}。`
      : parts.map((p) => (/[.]$/.test(p) ? p : `${p}.`)).join(' ');

  // Suppression wins over everything: nothing may be derived from the hidden cell.
  if (input.suppressedBelow != null) {
    return finish([
      opening(input, yearLabel, { kind: 'suppressed', below: input.suppressedBelow }),
    ]);
  }
  const value = input.value;
  if (!isNum(value)) return finish([opening(input, yearLabel, { kind: 'missing' })]);

  const clauses: Clause[] = [];
  const missingRefs: Ref[] = [];
  if (compare && compare.year !== year) {
    const ref = compareRef(compare.year, compare.baseline);
    const c = changeClause(compare.value, value, ref, unit, lang);
    if (c) clauses.push(c);
    else missingRefs.push(ref);
  }
  if (previous && compare?.year !== year - 1) {
    const c = changeClause(previous.value, value, PREVIOUS_REF, unit, lang);
    if (c) clauses.push(c);
    else missingRefs.push(PREVIOUS_REF);
  }

  let first = opening(input, yearLabel, { kind: 'value', value });
  if (clauses.length > 0) first += `${lang === 'zh' ? '，' : ', '}${joinClauses(clauses, lang)}`;
  const parts = [first];
  const note = noteMissing(missingRefs, lang);
  if (note) parts.push(note);
  const peer = peerPhrase(input, value);
  if (peer) parts.push(peer);
  return finish(parts);
}

// ---------------------------------------------------------------------------------------------
// Ranks
// ---------------------------------------------------------------------------------------------

export function summarizeRanks(input: RankSummaryInput): string {
  const { lang, regionName, assessmentName, scopeWord, focusYear } = input;
  const upTo = input.ranks.filter((r) => r.year <= focusYear);
  const focus = upTo.find((r) => r.year === focusYear);
  const ranked = upTo.filter((r): r is { year: number; rank: number; of: number | null } =>
    isNum(r.rank),
  );

  if (ranked.length === 0) {
    return lang === 'zh'
      ? `${regionName}在${assessmentName}中暂无排名数据。`
      : `There is no ranking for ${regionName} in the ${assessmentName} up to ${focusYear}.`;
  }

  // The most recent run of consecutive years ranked 1st (two years or more).
  let run: { start: number; end: number } | null = null;
  let cur: { start: number; end: number } | null = null;
  for (const r of upTo) {
    if (r.rank === 1 && cur && r.year === cur.end + 1) cur.end = r.year;
    else cur = r.rank === 1 ? { start: r.year, end: r.year } : null;
    if (cur && cur.end > cur.start) run = { ...cur };
  }
  const focusInRun = run !== null && run.end === focusYear;

  // Unranked: years listed with a null rank, and years missing from the list altogether
  // between the first listed year and the focus year.
  const listed = new Set(upTo.map((r) => r.year));
  const unrankedYears = upTo.filter((r) => !isNum(r.rank)).map((r) => r.year);
  for (let y = upTo[0]?.year ?? focusYear; y <= focusYear; y++)
    if (!listed.has(y)) unrankedYears.push(y);

  type Item = { year: number; render: (ctx: { first: boolean }) => string };
  const items: Item[] = [];
  const subjectZh = `${regionName}在${assessmentName}中`;

  if (run) {
    const { start, end } = run;
    const years = end - start + 1;
    const span = yearList(range(start, end), lang);
    items.push({
      year: start,
      render: ({ first }) =>
        lang === 'zh'
          ? `${span}年${first ? subjectZh : ''}连续${years}年位列${scopeWord}第1名`
          : first
            ? `${regionName} ranked 1st in ${scopeWord} in the ${assessmentName} for ${years} years running (${span})`
            : `It ranked 1st in ${scopeWord} for ${years} years running (${span})`,
    });
  }

  // Unranked years, grouped into consecutive spans, each placed at its first year.
  for (const group of consecutiveGroups(unrankedYears)) {
    const span = yearList(group, lang);
    const start = group[0] ?? focusYear;
    items.push({
      year: start,
      render: ({ first }) =>
        lang === 'zh'
          ? `${span}年${first ? subjectZh : ''}暂无排名`
          : first
            ? `${regionName} has no ranking in the ${assessmentName} for ${span}`
            : `No ranking for ${span}`,
    });
  }

  const focusRank = focus && isNum(focus.rank) ? focus.rank : null;
  const prev = [...ranked].reverse().find((r) => r.year < focusYear);
  if (focusRank !== null && !focusInRun) {
    const of = focus?.of ?? null;
    let delta = '';
    if (prev) {
      const moved = prev.rank - focusRank; // positive = rose (smaller number)
      if (lang === 'zh') {
        delta =
          moved > 0
            ? `，较${prev.year}年上升${moved}位`
            : moved < 0
              ? `，较${prev.year}年下降${-moved}位`
              : `，与${prev.year}年持平`;
      } else {
        const places = (k: number) => `${k} place${k === 1 ? '' : 's'}`;
        delta =
          moved > 0
            ? `, up ${places(moved)} from ${prev.year}`
            : moved < 0
              ? `, down ${places(-moved)} from ${prev.year}`
              : `, unchanged from ${prev.year}`;
      }
    }
    items.push({
      year: focusYear,
      render: ({ first }) => {
        if (lang === 'zh') {
          const ofText = of !== null ? `（共${of}个）` : '';
          return first
            ? `${focusYear}年${subjectZh}位列${scopeWord}第${focusRank}名${ofText}${delta}`
            : `${focusYear}年为第${focusRank}名${ofText}${delta}`;
        }
        const ofText = of !== null ? ` of ${of}` : '';
        return first
          ? `In ${focusYear}, ${regionName} ranked ${ordinal(focusRank)}${ofText} in ${scopeWord} in the ${assessmentName}${delta}`
          : `In ${focusYear} it ranked ${ordinal(focusRank)}${ofText}${delta}`;
      },
    });
  } else if (focusRank === null && prev && !(run && run.end === prev.year)) {
    // Not ranked in the focus year: say what the latest ranking was.
    items.push({
      year: focusYear + 0.5,
      render: () => {
        if (lang === 'zh') {
          const ofText = prev.of !== null ? `（共${prev.of}个）` : '';
          return `最近一次排名为${prev.year}年${scopeWord}第${prev.rank}名${ofText}`;
        }
        const ofText = prev.of !== null ? ` of ${prev.of}` : '';
        return `The latest ranking was ${ordinal(prev.rank)}${ofText} in ${prev.year}`;
      },
    });
  }

  items.sort((a, b) => a.year - b.year);
  const parts = items.map((item, i) => item.render({ first: i === 0 }));
  return lang === 'zh' ? `${parts.join('；')}。` : parts.map((p) => `${p}.`).join(' ');
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

function consecutiveGroups(years: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] === y - 1) last.push(y);
    else groups.push([y]);
  }
  return groups;
}
