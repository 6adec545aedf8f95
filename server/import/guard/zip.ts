/**
 * A look inside an .xlsx (a zip) without trusting it: the central directory read by hand (names,
 * declared sizes, flags), and each part inflated as a stream in small steps, counting the bytes
 * that come out and stopping as soon as a cap is passed — a part that declares 1 KB and inflates
 * to 4 GB never gets past the first few megabytes.
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  /** The part's path, without a leading slash (as exceljs reads it). */
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** What the zip says the part inflates to (may be a lie; inflate() checks). */
  declaredSize: number;
  /** Offset of the local file header. */
  offset: number;
}

export class ZipFormatError extends Error {}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** The entries of the central directory, and the count the end record declares. */
export function readDirectory(bytes: Uint8Array): { declaredCount: number; entries: ZipEntry[] } {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no end of central directory');
  const declaredCount = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const start = u32(bytes, end + 16);
  if (start === ZIP64_MARK || start + size > end) throw new ZipFormatError('bad directory');
  return { declaredCount, entries: directoryEntries(bytes, start, start + size) };
}

function directoryEntries(bytes: Uint8Array, from: number, to: number): ZipEntry[] {
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let at = from; at < to;) {
    if (u32(bytes, at) !== CENTRAL) throw new ZipFormatError('bad directory entry');
    const nameLength = u16(bytes, at + 28);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({
      name: name.startsWith('/') ? name.slice(1) : name,
      method: u16(bytes, at + 10),
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** Why inflating a part was stopped. */
export type InflateStop =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'ratio'; bytes: number; compressed: number }
  | { kind: 'larger-than-declared'; bytes: number };

export interface InflateCaps {
  /** Stop once more than this many bytes came out. */
  maxBytes: number;
  /** Stop once the output passes ratioFloorBytes and is more than `ratio` × the input read. */
  ratio: number;
  ratioFloorBytes: number;
}

/** Compressed bytes pushed at a time: even a maximal deflate ratio yields at most ~4 MB. */
const STEP = 4096;

/**
 * Inflates one part, handing each chunk to `onChunk`; returns the bytes it inflated to, or why
 * it stopped early. Throws ZipFormatError when the data is not a readable deflate stream.
 */
export function inflate(
  bytes: Uint8Array,
  entry: ZipEntry,
  caps: InflateCaps,
  onChunk: (chunk: Uint8Array) => void,
): { bytes: number; stop: InflateStop | null } {
  if (u32(bytes, entry.offset) !== LOCAL)
    throw new ZipFormatError(`no local header: ${entry.name}`);
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipFormatError(`truncated: ${entry.name}`);
  let out = 0;
  // In an object: TypeScript would narrow a plain `let` to null across the callbacks.
  const state: { stop: InflateStop | null } = { stop: null };
  // An error thrown by onChunk (the caller's own refusal) passes through unchanged.
  let ownError: unknown = null;
  const take = (chunk: Uint8Array, consumed: number) => {
    out += chunk.length;
    if (out > caps.maxBytes) state.stop = { kind: 'too-large', bytes: out };
    else if (out > entry.declaredSize) state.stop = { kind: 'larger-than-declared', bytes: out };
    else if (out > caps.ratioFloorBytes && out > caps.ratio * consumed)
      state.stop = { kind: 'ratio', bytes: out, compressed: consumed };
    else
      try {
        onChunk(chunk);
      } catch (error) {
        ownError = error;
        throw error;
      }
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length && !state.stop; at += STEP)
      take(data.subarray(at, at + STEP), Math.min(at + STEP, data.length));
    return { bytes: out, stop: state.stop };
  }
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    if (!state.stop) take(chunk, consumed);
  });
  try {
    for (let at = 0; at < data.length && !state.stop; at += STEP) {
      consumed = Math.min(at + STEP, data.length);
      inflater.push(data.subarray(at, consumed), consumed === data.length);
    }
  } catch (error) {
    if (error === ownError) throw error;
    throw new ZipFormatError(
      `${entry.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { bytes: out, stop: state.stop };
}
