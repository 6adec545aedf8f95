/**
 * What a chart's summary says, as data: which region and year, the value, how it changed against
 * the comparison year and the year before (and whether that is better or worse by the
 * indicator's `better`), where it stands among its peers, and the flags that limit what may be
 * said. No words: the writers (write-zh.ts, write-en.ts) turn these facts into a sentence.
 *
 * Honesty rules, decided here so every language keeps them:
 * - a missing value is said to be missing, and nothing else is stated;
 * - a suppressed small count is stated only as "fewer than N", and no change or peer position
 *   is derived from it;
 * - provisional values are marked as such;
 * - rates change in points, everything else relatively (see change.ts);
 * - neutral indicators get a direction but never a verdict.
 *
 * Names (region, indicator, peer group, assessment, scope) are passed through as the caller gave
 * them, in the language it will be written in; they are never escaped or stripped.
 */
import type { ObservationStatus } from '@contract/types';
import type { CampaignTotal } from '../campaign-total';
import { computeChange, verdictFor } from '../change';
import type { Better, Change, Direction, Verdict } from '../change';
import type { UnitSpec } from '../format';

export type Spec = UnitSpec & { better: Better };

export interface IndicatorInput {
  indicatorName: string;
  unit: Spec;
  regionName: string;
  year: number;
  value: number | null;
  provisional: boolean;
  suppressedBelow: number | null;
  /** (1.1) Why `value` is null, when the server said. */
  status?: ObservationStatus | null;
  /** (1.1) The campaign's total for the region (lib/campaign-total), when the indicator has one. */
  total?: CampaignTotal | null;
  /** The comparison year (the campaign's baseline unless the user chose another). */
  compare: {
    year: number;
    value: number | null;
    baseline: boolean;
    /** (1.1) Why `value` is null, when the server said. */
    status?: ObservationStatus | null;
  } | null;
  /** The year before `year`; left out of the facts when it is the comparison year. */
  previous: { value: number | null; status?: ObservationStatus | null } | null;
  /** Other regions shown in the same chart for `year` (the focus region included), e.g. the city's districts. */
  peers: { groupLabel: string; values: { name: string; value: number | null }[] } | null;
  /**
   * The regions the region is made of, drawn in the chart for `year` (a city's districts): after
   * the region's own figure, the summary names the one at the better end.
   */
  parts?: { groupLabel: string; values: { name: string; value: number | null }[] } | null;
  /**
   * The region the chart is about has no figure of its own, so `regionName` and its figures are
   * those of the part at the better end of `parts`: the sentence says it is about the parts
   * ("2022年海口市4个区中美兰区…最多"), never in words that read as the whole's figure.
   */
  leadsParts?: boolean;
  /**
   * (1.1) With `leadsParts`: the whole's name and why it has no figure of its own, when the
   * server said (withheld, not reported, not applicable); the sentence says so first.
   */
  whole?: { name: string; reason: ObservationStatus | null } | null;
}

/** A year the value is compared with. */
export type Reference =
  { kind: 'compare'; year: number; baseline: boolean } | { kind: 'previous'; year: number };

export type Comparison =
  /** `reason`: (1.1) why the other year has no figure, when the server said. */
  | { ref: Reference; status: 'no-data'; reason?: ObservationStatus }
  | {
      ref: Reference;
      status: 'compared';
      from: number;
      to: number;
      direction: Direction;
      verdict: Verdict;
      /** null when a relative change is undefined (from a zero base): state the direction only. */
      change: Change | null;
    };

export type Compared = Extract<Comparison, { status: 'compared' }>;

/** Where the focus region stands among the regions of its group that have a value. */
export interface PeerFacts {
  groupLabel: string;
  /** Regions in the group, the focus region included. */
  size: number;
  /** Regions with a value, the focus region included (≥ 2). Fewer than `size`: say so. */
  withData: number;
  /** The end counted from: the better end, or the highest for neutral indicators. */
  countedFrom: 'lowest' | 'highest';
  /** 1-based position from `countedFrom`; tied regions share the better position. */
  rank: number;
  /** 1-based position from the other end. */
  rankFromOtherEnd: number;
  /** Another region has exactly the same value. */
  tied: boolean;
  /** Every region with data has the same value. */
  allSame: boolean;
}

interface IndicatorSubject {
  indicatorName: string;
  regionName: string;
  year: number;
  /** The year is the campaign's baseline year (and the comparison year). */
  yearIsBaseline: boolean;
  unit: Spec;
  provisional: boolean;
  /**
   * The campaign total worth stating: a sum, or a cumulative figure from another year than the
   * one shown, or why there is none when the year itself has a value. Null otherwise.
   */
  total: CampaignTotal | null;
}

/** Which of the parts a region is made of stands at the better end (the highest for neutral ones). */
export interface PartsFacts {
  groupLabel: string;
  /** Parts in the group. */
  size: number;
  /** Parts with a value (≥ 2). Fewer than `size`: say so. */
  withData: number;
  end: 'lowest' | 'highest';
  /** The parts at that end, in the order given (more than one when tied). */
  leaders: string[];
  value: number;
  /** Every part with data has the same value. */
  allSame: boolean;
}

export type IndicatorFacts = IndicatorSubject & { topic: 'indicator' } & (
    | { status: 'suppressed'; below: number }
    | { status: 'missing'; reason: ObservationStatus | null }
    | {
        status: 'value';
        value: number;
        vsCompare: Comparison | null;
        vsPrevious: Comparison | null;
        /**
         * The verdict of the comparisons made: the one they agree on, 'mixed' when one is better
         * and another worse, null when none is judged (flat, neutral or nothing compared).
         */
        overall: 'better' | 'worse' | 'mixed' | null;
        peers: PeerFacts | null;
        /** Present when the region's parts are drawn and two or more have a value. */
        parts?: PartsFacts;
        /** `regionName` leads `parts` and stands in for a whole with no figure of its own. */
        leadsParts?: true;
        /** With `leadsParts`: the whole, when the server said why it has no figure. */
        whole?: { name: string; reason: ObservationStatus };
      }
  );

export type ValueFacts = Extract<IndicatorFacts, { status: 'value' }>;

const isNum = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

function compareWith(
  ref: Reference,
  from: number | null,
  to: number,
  spec: Spec,
  reason?: ObservationStatus | null,
): Comparison {
  if (!isNum(from)) return { ref, status: 'no-data', ...(reason ? { reason } : {}) };
  const change = computeChange(from, to, spec.unit, spec.better);
  // Relative change from a zero base is undefined: keep the direction, drop the amount.
  const direction: Direction = change?.direction ?? (to > from ? 'up' : 'down');
  const verdict = change?.verdict ?? verdictFor(direction, spec.better);
  return { ref, status: 'compared', from, to, direction, verdict, change };
}

function overallOf(comparisons: readonly (Comparison | null)[]): ValueFacts['overall'] {
  const verdicts = new Set<'better' | 'worse'>();
  for (const c of comparisons)
    if (c?.status === 'compared' && (c.verdict === 'better' || c.verdict === 'worse'))
      verdicts.add(c.verdict);
  if (verdicts.size > 1) return 'mixed';
  return [...verdicts][0] ?? null;
}

function peerFacts(input: IndicatorInput, value: number): PeerFacts | null {
  const { peers, unit } = input;
  if (!peers) return null;
  const others = [...peers.values];
  const self = others.findIndex((p) => p.name === input.regionName);
  if (self >= 0) others.splice(self, 1);
  const valued = others.map((p) => p.value).filter(isNum);
  const withData = valued.length + 1;
  if (withData < 2) return null;

  // Rank from the better end; neutral indicators are ranked from the highest.
  const ascending = unit.better === 'lower';
  const ahead = valued.filter((v) => (ascending ? v < value : v > value)).length;
  const behind = valued.filter((v) => (ascending ? v > value : v < value)).length;
  return {
    groupLabel: peers.groupLabel,
    size: others.length + 1,
    withData,
    countedFrom: ascending ? 'lowest' : 'highest',
    rank: ahead + 1,
    rankFromOtherEnd: behind + 1,
    tied: ahead + behind < withData - 1,
    allSame: ahead === 0 && behind === 0,
  };
}

function partsFacts(input: IndicatorInput): PartsFacts | null {
  const { parts, unit } = input;
  if (!parts) return null;
  const valued = parts.values.filter((p): p is { name: string; value: number } => isNum(p.value));
  if (valued.length < 2) return null;
  const end = unit.better === 'lower' ? 'lowest' : 'highest';
  const values = valued.map((p) => p.value);
  const value = end === 'lowest' ? Math.min(...values) : Math.max(...values);
  const leaders = valued.filter((p) => p.value === value).map((p) => p.name);
  return {
    groupLabel: parts.groupLabel,
    size: parts.values.length,
    withData: valued.length,
    end,
    leaders,
    value,
    allSame: leaders.length === valued.length,
  };
}

/** A cumulative total of the year shown is the figure itself; a suppressed one is never stated. */
function totalWorthStating(total: CampaignTotal | null, year: number): CampaignTotal | null {
  if (!total || total.status === 'suppressed') return null;
  if (total.rule === 'latest' && total.status === 'total' && total.to === year) return null;
  return total;
}

export function indicatorFacts(input: IndicatorInput): IndicatorFacts {
  const { year, compare, previous, unit } = input;
  const subject: IndicatorSubject & { topic: 'indicator' } = {
    topic: 'indicator',
    indicatorName: input.indicatorName,
    regionName: input.regionName,
    year,
    yearIsBaseline: compare !== null && compare.baseline && compare.year === year,
    unit,
    provisional: input.provisional,
    total: null,
  };
  // Suppression wins over everything: nothing may be derived from the hidden cell.
  if (input.suppressedBelow != null)
    return { ...subject, status: 'suppressed', below: input.suppressedBelow };
  const value = input.value;
  if (!isNum(value)) return { ...subject, status: 'missing', reason: input.status ?? null };
  subject.total = totalWorthStating(input.total ?? null, year);
  const parts = partsFacts(input);
  // Standing in for the whole only when the region does lead its parts.
  const leading =
    input.leadsParts === true && parts !== null && parts.leaders.includes(input.regionName);

  const vsCompare =
    compare && compare.year !== year
      ? compareWith(
          { kind: 'compare', year: compare.year, baseline: compare.baseline },
          compare.value,
          value,
          unit,
          compare.status,
        )
      : null;
  const vsPrevious =
    previous && compare?.year !== year - 1
      ? compareWith(
          { kind: 'previous', year: year - 1 },
          previous.value,
          value,
          unit,
          previous.status,
        )
      : null;
  return {
    ...subject,
    status: 'value',
    value,
    vsCompare,
    vsPrevious,
    overall: overallOf([vsCompare, vsPrevious]),
    peers: leading ? null : peerFacts(input, value),
    ...(parts ? { parts } : {}),
    ...(leading ? { leadsParts: true as const } : {}),
    ...(leading && input.whole?.reason
      ? { whole: { name: input.whole.name, reason: input.whole.reason } }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Ranks
// ---------------------------------------------------------------------------------------------

export interface RankInput {
  assessmentName: string;
  regionName: string;
  /** e.g. "全省" / "the province" */
  scopeWord: string;
  /** Ascending years with the region's rank (null = not ranked that year). */
  ranks: { year: number; rank: number | null; of: number | null }[];
  focusYear: number;
}

/** One statement about the rank history, in reading (year) order. */
export type RankItem =
  /** Ranked 1st in each of two or more consecutive years: the most recent such run. */
  | { kind: 'run'; start: number; end: number }
  /** Consecutive years without a ranking. */
  | { kind: 'unranked'; start: number; end: number }
  /** The focus year's rank; `moved` > 0 means it rose (a smaller number) since `previous.year`. */
  | {
      kind: 'focus';
      year: number;
      rank: number;
      of: number | null;
      previous: { year: number; rank: number; moved: number } | null;
    }
  /** The focus year is unranked: the latest ranking before it. */
  | { kind: 'latest'; year: number; rank: number; of: number | null };

interface RankSubject {
  topic: 'ranks';
  assessmentName: string;
  regionName: string;
  scopeWord: string;
  focusYear: number;
}

export type RankFacts = RankSubject &
  ({ status: 'none' } | { status: 'ranked'; items: RankItem[] });

export function rankFacts(input: RankInput): RankFacts {
  const { focusYear } = input;
  const subject: RankSubject = {
    topic: 'ranks',
    assessmentName: input.assessmentName,
    regionName: input.regionName,
    scopeWord: input.scopeWord,
    focusYear,
  };
  const upTo = input.ranks.filter((r) => r.year <= focusYear);
  const focus = upTo.find((r) => r.year === focusYear);
  const ranked = upTo.filter((r): r is { year: number; rank: number; of: number | null } =>
    isNum(r.rank),
  );
  if (ranked.length === 0) return { ...subject, status: 'none' };

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

  const items: { at: number; item: RankItem }[] = [];
  if (run) items.push({ at: run.start, item: { kind: 'run', ...run } });
  for (const span of consecutiveSpans(unrankedYears))
    items.push({ at: span.start, item: { kind: 'unranked', ...span } });

  const focusRank = focus && isNum(focus.rank) ? focus.rank : null;
  const prev = [...ranked].reverse().find((r) => r.year < focusYear);
  if (focusRank !== null && !focusInRun) {
    items.push({
      at: focusYear,
      item: {
        kind: 'focus',
        year: focusYear,
        rank: focusRank,
        of: focus?.of ?? null,
        previous: prev ? { year: prev.year, rank: prev.rank, moved: prev.rank - focusRank } : null,
      },
    });
  } else if (focusRank === null && prev && !(run && run.end === prev.year)) {
    items.push({
      at: focusYear + 0.5,
      item: { kind: 'latest', year: prev.year, rank: prev.rank, of: prev.of },
    });
  }
  items.sort((a, b) => a.at - b.at);
  return { ...subject, status: 'ranked', items: items.map((i) => i.item) };
}

function consecutiveSpans(years: readonly number[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last.end === y - 1) last.end = y;
    else spans.push({ start: y, end: y });
  }
  return spans;
}

export type SummaryFacts = IndicatorFacts | RankFacts;

/** One language's sentences for the facts. */
export interface SummaryWriter {
  indicator(facts: IndicatorFacts): string;
  ranks(facts: RankFacts): string;
}
