/**
 * One way to call the admin API: relative to the page (`./admin/api/…`, so any sub-path under a
 * reverse proxy works), same-origin cookies, the CSRF header on every write, and every failure
 * turned into an AdminError with the server's words when it sent some.
 */
import * as v from 'valibot';
import type { Localized } from '@contract/types';
import { errorBodySchema } from './schemas';

export type AdminErrorCode =
  | 'network'
  | 'malformed'
  | 'not-available'
  // The server's own codes (signed-out, expired, bad-credentials, locked, too-large, …).
  | (string & {});

export class AdminError extends Error {
  override readonly name = 'AdminError';
  constructor(
    readonly code: AdminErrorCode,
    readonly status: number | null,
    /** The server's message in both languages, when it sent one. */
    readonly text: Localized | null = null,
    readonly retryAfterSeconds: number | null = null,
    /** For 'malformed': which answer; for 'network': what the browser said. */
    readonly where = '',
  ) {
    super(`${code}${status === null ? '' : ` (${status})`}${where ? `: ${where}` : ''}`);
  }
}

/** A 401 from any call but the session check and sign-in means the session has ended. */
export function endsSession(error: unknown): boolean {
  return error instanceof AdminError && error.status === 401;
}

export function adminUrl(path: string): string {
  return new URL(`admin/api/${path}`, document.baseURI).toString();
}

interface RequestOptions<S extends v.GenericSchema | null> {
  method?: 'GET' | 'POST';
  csrf?: string;
  json?: unknown;
  body?: Blob;
  /** null: an answer without a body (204). */
  schema: S;
  signal?: AbortSignal;
}

async function readError(response: Response, path: string): Promise<AdminError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // An HTML error page (a proxy, a static host): the status says enough.
  }
  const parsed = v.safeParse(errorBodySchema, body);
  if (!parsed.success) {
    // A static or demo deployment answers the session check with 404 or its index.html.
    if (response.status === 404 && path === 'session') return new AdminError('not-available', 404);
    return new AdminError('http', response.status, null, null, path);
  }
  const { error, retryAfterSeconds } = parsed.output;
  return new AdminError(
    error.code,
    response.status,
    error.message ?? null,
    retryAfterSeconds ?? null,
    path,
  );
}

export async function adminRequest<S extends v.GenericSchema | null>(
  path: string,
  { method = 'GET', csrf, json, body, schema, signal }: RequestOptions<S>,
): Promise<S extends v.GenericSchema ? v.InferOutput<S> : null> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (body !== undefined) headers['content-type'] = 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(adminUrl(path), {
      method,
      headers,
      credentials: 'same-origin',
      body: json !== undefined ? JSON.stringify(json) : body,
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AdminError(
      'network',
      null,
      null,
      null,
      error instanceof Error ? error.message : String(error),
    );
  }
  if (!response.ok) throw await readError(response, path);
  type Out = S extends v.GenericSchema ? v.InferOutput<S> : null;
  if (schema === null) return null as Out;
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    if (path === 'session') throw new AdminError('not-available', response.status);
    throw new AdminError('malformed', response.status, null, null, path);
  }
  return parseAnswer(schema, data, path) as Out;
}

/** `data` checked against `schema`; else an AdminError that says which answer and where. */
export function parseAnswer<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  path: string,
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, data);
  if (parsed.success) return parsed.output;
  const at = v.getDotPath(parsed.issues[0]);
  throw new AdminError('malformed', null, null, null, at ? `${path}: ${at}` : path);
}
