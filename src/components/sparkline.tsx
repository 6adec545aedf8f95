/** A tiny inline trend line for KPI cards: no axes, gaps where values are missing. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 120;
  const h = 32;
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length < 2) return null;
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const span = max - min || 1;
  const x = (i: number) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 4) + 2);
  const y = (v: number) => h - 3 - ((v - min) / span) * (h - 6);
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={label}
    >
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={1.8} />
      ))}
      {last != null && <circle cx={x(lastIndex)} cy={y(last)} r={2.6} fill="currentColor" />}
    </svg>
  );
}
