import type { Change, Unit } from './change';
import { localeOf, translator } from './i18n';
import type { Lang } from './i18n';

export interface Localized {
  zh: string;
  en: string;
}
/** What formatting needs to know about an indicator. */
export interface UnitSpec {
  unit: Unit;
  decimals: number;
  unitLabel: Localized | null;
}
export interface FormattedValue {
  /** The figure itself, e.g. "2,968" or "1.27". "—" when missing. */
  number: string;
  /** The unit written after it, e.g. "万元", "‰", "人". May be empty. */
  unit: string;
  missing: boolean;
}

export const MISSING = '—';

/**
 * A number as Intl.NumberFormat writes it for zh-CN and en-GB: both group digits by three with
 * ",", put "." before the decimals and "-" before a negative (−0 included), and round half
 * away from zero on the number's shortest decimal form (1.005 → "1.01"). Written out here
 * because a page's first Intl.NumberFormat sets up ICU on the main thread (≈ 15 ms on this
 * machine, ≈ 60 ms on a mid-range phone) right inside the first render; format.test.ts checks
 * the two agree. What is not a plain decimal (NaN, ±∞, exponent forms) is left to Intl.
 */
export function formatNumber(
  value: number,
  decimals: number,
  lang: Lang,
  maxDecimals = decimals,
): string {
  return (
    plainDecimal(value, decimals, maxDecimals) ?? intlFormat(value, decimals, lang, maxDecimals)
  );
}

function plainDecimal(value: number, min: number, max: number): string | null {
  if (!Number.isFinite(value) || !Number.isInteger(min) || !Number.isInteger(max) || min > max)
    return null;
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return null;
  const [whole = '0', fraction = ''] = shortest.split('.');
  let int = whole;
  let frac = fraction;
  if (frac.length > max) {
    let digits = int + frac.slice(0, max);
    if (frac.charCodeAt(max) >= 53 /* '5' */) digits = increment(digits);
    int = digits.slice(0, digits.length - max) || '0';
    frac = digits.slice(digits.length - max);
  }
  while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
  frac = frac.padEnd(min, '0');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + grouped + (frac ? `.${frac}` : '');
}

/** A string of decimal digits plus one ("199" → "200", "99" → "100"). */
function increment(digits: string): string {
  const d = digits.split('');
  let i = d.length - 1;
  while (i >= 0 && d[i] === '9') d[i--] = '0';
  if (i < 0) return `1${d.join('')}`;
  d[i] = String(Number(d[i]) + 1);
  return d.join('');
}

const formatters = new Map<string, Intl.NumberFormat>();
/** The same through Intl.NumberFormat: what formatNumber falls back to, and is tested against. */
export function intlFormat(value: number, decimals: number, lang: Lang, maxDecimals = decimals) {
  const key = `${lang}|${decimals}|${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: maxDecimals,
    });
    formatters.set(key, f);
  }
  return f.format(value);
}

export function unitText(spec: UnitSpec, lang: Lang, value?: number): string {
  switch (spec.unit) {
    case 'percent':
      return '%';
    case 'permille':
      return '‰';
    case 'kg':
      return lang === 'zh' ? '千克' : 'kg';
    case 'cny':
      if (lang === 'zh') return value !== undefined && Math.abs(value) < 1e4 ? '元' : '万元';
      return value !== undefined && Math.abs(value) >= 1e6 ? 'million yuan' : 'yuan';
    case 'score':
      return spec.unitLabel?.[lang] ?? (lang === 'zh' ? '分' : 'points');
    case 'count':
      return spec.unitLabel?.[lang] ?? '';
  }
}

/** Yuan are published in 万元 in Chinese reports and in millions in English ones. */
function scaled(
  value: number,
  spec: UnitSpec,
  lang: Lang,
): { value: number; decimals: number; max: number } {
  if (spec.unit !== 'cny') return { value, decimals: spec.decimals, max: spec.decimals };
  // Under 1万元 the amount is written in 元: "0万元" would hide a real, non-zero figure.
  if (lang === 'zh')
    return Math.abs(value) < 1e4
      ? { value, decimals: 0, max: spec.decimals }
      : { value: value / 1e4, decimals: 0, max: 2 };
  if (Math.abs(value) >= 1e6) return { value: value / 1e6, decimals: 0, max: 2 };
  return { value, decimals: 0, max: spec.decimals };
}

export function formatValue(
  value: number | null | undefined,
  spec: UnitSpec,
  lang: Lang,
): FormattedValue {
  if (value == null || !Number.isFinite(value)) return { number: MISSING, unit: '', missing: true };
  const s = scaled(value, spec, lang);
  return {
    number: formatNumber(s.value, s.decimals, lang, s.max),
    unit: unitText(spec, lang, value),
    missing: false,
  };
}

/** "1.27‰", "10 人", "2,968万元": one string for tables, tooltips and summaries. */
export function formatValueText(
  value: number | null | undefined,
  spec: UnitSpec,
  lang: Lang,
): string {
  const f = formatValue(value, spec, lang);
  if (f.missing) return f.number;
  const tight = f.unit === '%' || f.unit === '‰' || (lang === 'zh' && f.unit !== '');
  return tight ? `${f.number}${f.unit}` : f.unit ? `${f.number} ${f.unit}` : f.number;
}

export const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

/** "▼ 93.4%" or "▼ 3.00个千分点": the change itself, with an arrow that does not rely on colour. */
export function formatChange(change: Change, spec: UnitSpec, lang: Lang): string {
  const t = translator(lang);
  const arrow = ARROWS[change.direction];
  const magnitude = Math.abs(change.amount);
  if (change.kind === 'relative') return `${arrow} ${formatNumber(magnitude, 1, lang)}%`;
  const unit = spec.unit === 'percent' ? t('card.percentPoint') : t('card.permillePoint');
  return `${arrow} ${t('card.points', { amount: formatNumber(magnitude, spec.decimals, lang), unit })}`;
}

export function verdictWord(change: Change, lang: Lang): string {
  return translator(lang)(`card.${change.verdict}`);
}

/** One scale for a whole axis, chosen from its largest value, so ticks and axis label agree. */
export function axisFormat(
  spec: UnitSpec,
  lang: Lang,
  maxAbs: number,
): { unit: string; format: (v: number) => string } {
  if (spec.unit === 'cny') {
    if (lang === 'zh') return { unit: '万元', format: (v) => formatNumber(v / 1e4, 0, lang, 2) };
    if (maxAbs >= 1e6)
      return { unit: 'million yuan', format: (v) => formatNumber(v / 1e6, 0, lang, 2) };
    return { unit: 'yuan', format: (v) => formatNumber(v, 0, lang, 0) };
  }
  return { unit: unitText(spec, lang), format: (v) => formatNumber(v, 0, lang, spec.decimals) };
}

/** "名称（单位）" in Chinese, "Name (unit)" in English. */
export function withUnit(name: string, unit: string, lang: Lang): string {
  if (!unit) return name;
  return lang === 'zh' ? `${name}（${unit}）` : `${name} (${unit})`;
}
