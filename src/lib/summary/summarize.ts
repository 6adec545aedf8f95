/**
 * One-paragraph, rule-written summaries for charts, which are also their accessible
 * descriptions: the facts (facts.ts) written in the reader's language (write-zh.ts,
 * write-en.ts).
 *
 * The result is plain text. Names are inserted as given (no escaping, no stripping): callers
 * render it as a text node.
 */
import type { Lang } from '../i18n';
import { indicatorFacts, rankFacts } from './facts';
import type { IndicatorInput, RankInput, SummaryFacts, SummaryWriter } from './facts';
import { enWriter } from './write-en';
import { zhWriter } from './write-zh';

const WRITERS: Record<Lang, SummaryWriter> = { zh: zhWriter, en: enWriter };

export function writeSummary(facts: SummaryFacts, lang: Lang): string {
  const writer = WRITERS[lang];
  return facts.topic === 'indicator' ? writer.indicator(facts) : writer.ranks(facts);
}

/** What a chart knows about its focus cell, and the language to write in (names in that language). */
export interface SummaryInput extends IndicatorInput {
  lang: Lang;
}

export interface RankSummaryInput extends RankInput {
  lang: Lang;
}

export function summarizeIndicator(input: SummaryInput): string {
  return writeSummary(indicatorFacts(input), input.lang);
}

export function summarizeRanks(input: RankSummaryInput): string {
  return writeSummary(rankFacts(input), input.lang);
}
