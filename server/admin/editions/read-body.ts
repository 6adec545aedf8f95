/**
 * An upload's bytes, with the size cap enforced while they stream in: a Content-Length over the
 * cap is refused before anything is read, and a body without one (or lying about it) is read
 * chunk by chunk until it passes the cap, then the stream is cancelled — a 2 GB body costs the
 * service at most the cap plus one chunk, never the whole body.
 */
export type BodyRead =
  | { status: 'read'; bytes: Uint8Array }
  | { status: 'too-large'; declared: number | null; read: number };

export async function readCappedBody(request: Request, cap: number): Promise<BodyRead> {
  const header = request.headers.get('content-length');
  const declared = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
  if (declared !== null && declared > cap) return { status: 'too-large', declared, read: 0 };
  if (!request.body) return { status: 'read', bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return { status: 'too-large', declared, read: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { status: 'read', bytes };
}
