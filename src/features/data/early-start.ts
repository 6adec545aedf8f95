/**
 * What public/boot.js started before this code arrived: the config.json request, and /meta of
 * the API it names. Each is handed out once; a consumer that gets nothing (no boot script, as
 * in tests, or a URL that does not match) fetches as usual.
 */
export interface EarlyMeta {
  url: string;
  credentials: RequestCredentials;
  response: Promise<Response>;
}

export interface EarlyStart {
  config?: Promise<Response>;
  meta?: Promise<EarlyMeta | null>;
}

declare global {
  interface Window {
    __jinduEarly?: EarlyStart;
  }
}

function early(): EarlyStart | undefined {
  return typeof window === 'undefined' ? undefined : window.__jinduEarly;
}

/** The early config.json response, once. */
export function takeEarlyConfig(): Promise<Response> | undefined {
  const e = early();
  const config = e?.config;
  if (e) delete e.config;
  return config;
}

/**
 * The early /meta response if it was for exactly `url` with `credentials`, once; `null`
 * otherwise (a mismatch, a failure, or nothing started).
 */
export async function takeEarlyMeta(
  url: string,
  credentials: RequestCredentials,
): Promise<Response | null> {
  const e = early();
  const pending = e?.meta;
  if (!e || !pending) return null;
  delete e.meta;
  try {
    const m = await pending;
    if (!m || m.url !== url || m.credentials !== credentials) return null;
    const res = await m.response;
    return res.ok ? res : null;
  } catch {
    return null;
  }
}
