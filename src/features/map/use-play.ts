/**
 * The map's year animation. Its steps rewrite the current history entry, so Back is not a
 * walk through every year played: when play stops, the entry it started from shows that year
 * again and the year it stopped on is one new entry (none when it stops where it started).
 */
import { useEffect, useState } from 'react';
import { useSearch } from 'wouter';
import { useSetFilters } from '@/features/filters/use-filters';

const STEP_MS = 1000;

interface Run {
  /** The `year` query value play started from (null: the default year), and that year. */
  fromRaw: string | null;
  from: number;
  /** The query as play last wrote it. */
  written: string;
}

const currentQuery = () => window.location.search.replace(/^\?/, '');

export function usePlay(years: readonly number[], year: number, rawYear: string | null) {
  const setFilters = useSetFilters();
  const search = useSearch().replace(/^\?/, '');
  const [run, setRun] = useState<Run | null>(null);
  // Anyone else moving the URL on (Back, a filter, a drill-down) ends play for good: their
  // entry is left alone, and coming Back to a year once played does not start it again.
  if (run !== null && run.written !== search) setRun(null);
  const playing = run !== null && run.written === search;

  const step = (base: Run, next: number) => {
    setFilters({ year: String(next) }, { replace: true });
    setRun({ ...base, written: currentQuery() });
  };
  const stop = (final: number) => {
    setRun(null);
    if (!run) return;
    setFilters({ year: run.fromRaw }, { replace: true });
    if (final !== run.from) setFilters({ year: String(final) });
  };

  // One step a second while playing; the step onto the last year ends the play.
  useEffect(() => {
    if (!playing) return;
    const next = years[years.indexOf(year) + 1] ?? years[0];
    if (next === undefined) return;
    const timer = setTimeout(() => {
      if (next === years[years.length - 1]) stop(next);
      else step(run, next);
    }, STEP_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- steps on each year shown
  }, [playing, year, years.join()]);

  const toggle = () => {
    if (playing) return stop(year);
    const base: Run = { fromRaw: rawYear, from: year, written: search };
    const first = years[0];
    // From the start when the year shown is the last one or outside the campaign.
    if (first !== undefined && (year === years[years.length - 1] || !years.includes(year)))
      step(base, first);
    else setRun(base);
  };
  return { playing, toggle };
}
