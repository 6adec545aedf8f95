/**
 * What a request says about where it came from. Behind a reverse proxy (trust-proxy) the
 * proxy's X-Forwarded-* headers are believed; otherwise they are ignored, since any client can
 * send them.
 */
import type { Context } from 'hono';

const firstValue = (header: string | undefined) => header?.split(',')[0]?.trim() || undefined;

/**
 * The client's IP: with trust-proxy, the last X-Forwarded-For entry (the one the proxy itself
 * appended; those before it are whatever the client sent); otherwise the socket's address.
 */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const last = forwarded?.[forwarded.length - 1];
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** Did the browser reach us over https (at the proxy, with trust-proxy)? */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = firstValue(c.req.header('x-forwarded-proto'));
    if (proto) return proto.toLowerCase() === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** This request's own origin (scheme://host[:port]) as the browser sees it. */
export function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const host = (trustProxy && firstValue(c.req.header('x-forwarded-host'))) || url.host;
  try {
    return new URL(`${isHttps(c, trustProxy) ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

/** True when there is no Origin header, or it is this request's own origin. */
export function sameOrigin(c: Context, trustProxy: boolean): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  let given: string;
  try {
    given = new URL(origin.trim()).origin; // "null" (a sandboxed frame, a file) throws: foreign
  } catch {
    return false;
  }
  return given === ownOrigin(c, trustProxy);
}
