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

/** The early config.json response, once (it was asked for next to this document). */
export function takeEarlyConfig(baseUri: string): Promise<Response> | undefined {
  const e = early();
  if (!e || baseUri !== document.baseURI) return undefined;
  const config = e.config;
  delete e.config;
  return config;
}

/** Start-up failed: let go of whatever boot.js started (an unread response holds memory). */
export function dropEarlyStart(): void {
  if (typeof window !== 'undefined') delete window.__jinduEarly;
}

/**
 * The early /meta response if it was for exactly `url` with `credentials`, once; `null`
 * otherwise (a mismatch, a network failure, or nothing started). An HTTP error is handed out
 * too: asking again would only repeat it, and the caller reports it (and retries) as usual.
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
    return await m.response;
  } catch {
    return null;
  }
}
