/**
 * The comparison floor for the benchmark: the same react + recharts versions drawing one
 * LineChart from the same contract API (config.json → meta → observations of one indicator),
 * with nothing else: no router, no query cache, no validation, no filters, no exports.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { WireMeta, WireObservation } from '../../contract/wire-types';

const COLOURS = [
  '#1d3f8f',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#0e7490',
  '#a16207',
  '#be123c',
  '#4d7c0f',
];

interface Chart {
  title: string;
  rows: Record<string, number | null>[];
  series: { id: string; name: string }[];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${String(res.status)}`);
  return (await res.json()) as T;
}

async function load(): Promise<Chart> {
  const { apiBaseUrl } = await getJson<{ apiBaseUrl: string }>('./config.json');
  const meta = await getJson<WireMeta>(`${apiBaseUrl}/meta`);
  const indicator = meta.indicators.find((i) => i.headline) ?? meta.indicators[0];
  if (!indicator) throw new Error('no indicators');
  const { observations } = await getJson<{ observations: WireObservation[] }>(
    `${apiBaseUrl}/observations?indicator=${encodeURIComponent(indicator.id)}`,
  );
  const top = meta.regions.find((r) => r.parent === null);
  const series = meta.regions.filter((r) => r.parent === top?.id).slice(0, COLOURS.length);
  const value = new Map(observations.map((o) => [`${o.region}|${String(o.year)}`, o.value]));
  return {
    title: `${indicator.name.zh} · ${meta.title.zh}`,
    series: series.map((r) => ({ id: r.id, name: r.name.zh })),
    rows: meta.years.map((year) => {
      const row: Record<string, number | null> = { year };
      for (const r of series) row[r.id] = value.get(`${r.id}|${String(year)}`) ?? null;
      return row;
    }),
  };
}

function Floor() {
  const [chart, setChart] = useState<Chart | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    load().then(setChart, (e: unknown) => setError(String(e)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!chart) return <p>加载中…</p>;
  return (
    <>
      <h1>{chart.title}</h1>
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={chart.rows} margin={{ top: 12, right: 20, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e3e7ee" vertical={false} />
          <XAxis
            dataKey="year"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
          />
          <YAxis width={64} />
          <Tooltip />
          <Legend />
          {chart.series.map((s, i) => (
            <Line
              key={s.id}
              dataKey={s.id}
              name={s.name}
              stroke={COLOURS[i % COLOURS.length]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
