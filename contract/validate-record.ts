import * as v from 'valibot';
import { visible } from './ids';
import type { Endpoint, IssueReason, QualityIssue } from './types';

/**
 * Shortened, printable copy of an offending value for the notice (always shown as text). JSON
 * escapes control characters; invisible format characters (a bidi override U+202E, zero-width
 * spaces) are written as `<U+202E>`, so a foreign server's value cannot reorder the notice.
 */
export function describeValue(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value === undefined) s = '(absent)';
  else {
    try {
      // JSON.stringify returns undefined for functions and symbols despite its declared type.
      s =
        typeof value === 'function' || typeof value === 'symbol'
          ? typeof value
          : JSON.stringify(value);
    } catch {
      s = typeof value;
    }
  }
  s = visible(s);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return v.getDotPath(issue) ?? '';
}

function reasonOf(issue: v.BaseIssue<unknown>): IssueReason {
  if (issue.input === undefined) return 'missing';
  if (issue.type === 'finite') return 'not-finite';
  if (typeof issue.input === 'string' && /^[-+]?(nan|infinity|inf)$/i.test(issue.input.trim())) {
    return 'not-finite';
  }
  return 'invalid';
}

/** Identify a record by whatever ids it carries, for people reading the notice. */
export function recordLabel(raw: unknown, keys: readonly string[]): string {
  if (typeof raw !== 'object' || raw === null) return describeValue(raw);
  const rec = raw as Record<string, unknown>;
  const parts = keys
    .map((k) => rec[k])
    .filter((x) => typeof x === 'string' || typeof x === 'number')
    .map((x) => visible(String(x).slice(0, 60)));
  return parts.join(' · ') || '(no id)';
}

/**
 * Validate one record. Returns the parsed output, or null after pushing an issue that names the
 * first failing field.
 */
export function validateRecord<TSchema extends v.GenericSchema>(
  schema: TSchema,
  raw: unknown,
  ctx: { endpoint: Endpoint; index: number; labelKeys: readonly string[]; issues: QualityIssue[] },
): v.InferOutput<TSchema> | null {
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  const first = result.issues[0];
  ctx.issues.push({
    endpoint: ctx.endpoint,
    index: ctx.index,
    record: recordLabel(raw, ctx.labelKeys),
    field: pathOf(first) || '(record)',
    reason: reasonOf(first),
    detail: describeValue(first.input),
  });
  return null;
}
