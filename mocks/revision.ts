/**
 * Which contract revision a demo or test server speaks. The data decide nothing here: the same
 * dataset is served as a 1.1 server (capabilities, dataVersion and every 1.1 field) or as a 1.0
 * server (contract/version-10.ts strips them), so tests and the bench can compare the two.
 */
import type { WireDataset } from '@contract/wire-types';
import { CAPABILITIES } from '@contract/types';
import { asVersion10 } from '@contract/version-10';

export type Revision = '1.0' | '1.1';

/** FNV-1a over UTF-16 code units, twice with different offset bases: 64 bits, as hex. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/**
 * A short hash of everything the server answers, so it changes whenever an answer changes and is
 * the same on every run (the demo is built deterministically). A `dataVersion` already in meta
 * is not part of what it hashes.
 */
export function dataVersionOf(dataset: WireDataset, prefix = ''): string {
  const meta = { ...dataset.meta };
  delete meta.dataVersion;
  const text = JSON.stringify([meta, dataset.observations, dataset.rankings]);
  return `${prefix}${fnv64(text).slice(0, 12)}`;
}

/**
 * The dataset as a 1.1 server serves it: every query feature listed (unless meta lists its own)
 * and a dataVersion (unless meta has one).
 */
export function asVersion11(dataset: WireDataset): WireDataset {
  const meta = { ...dataset.meta };
  meta.capabilities ??= [...CAPABILITIES];
  meta.dataVersion ??= dataVersionOf(dataset);
  return { ...dataset, meta };
}

/** The dataset as the given revision serves it; without one, exactly as it is. */
export function asRevision(dataset: WireDataset, revision?: Revision): WireDataset {
  if (revision === '1.0') return asVersion10(dataset);
  if (revision === '1.1') return asVersion11(dataset);
  return dataset;
}
