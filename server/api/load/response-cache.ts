/**
 * Finished answers, already serialised and gzip-compressed, keyed by edition + endpoint +
 * normalised query. An edition never changes once imported, so an entry can never be stale: a
 * new import has a new ETag and so new keys, and the old entries simply age out. Bounded by
 * total bytes, least recently used first out.
 */

export interface Encoded {
  /** The ETag of the edition this answer was read from (one snapshot with the body). */
  etag: string;
  /**
   * The JSON text as UTF-8, in the pieces it was written in: joining a country's 27.5 MB into
   * one buffer held the event loop for ≈ 80 ms, and nothing needs it whole.
   */
  raw: readonly Uint8Array<ArrayBuffer>[];
  /** Their total length in bytes. */
  rawBytes: number;
  /** The same, gzip-compressed. */
  gzip: Uint8Array<ArrayBuffer>;
}

export interface ResponseCache {
  get(key: string): Encoded | undefined;
  set(key: string, value: Encoded): void;
  readonly bytes: number;
  readonly size: number;
}

const sizeOf = (e: Encoded) => e.rawBytes + e.gzip.length;

export function createResponseCache(maxBytes: number): ResponseCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest use first.
  const entries = new Map<string, Encoded>();
  let bytes = 0;
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      const size = sizeOf(value);
      if (size > maxBytes) return;
      const old = entries.get(key);
      if (old) {
        bytes -= sizeOf(old);
        entries.delete(key);
      }
      for (const [k, e] of entries) {
        if (bytes + size <= maxBytes) break;
        entries.delete(k);
        bytes -= sizeOf(e);
      }
      entries.set(key, value);
      bytes += size;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
  };
}
