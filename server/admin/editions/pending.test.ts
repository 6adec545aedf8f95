/** Previews held for confirm: per keeper, 30 minutes, at most 3 (a fourth drops the oldest). */
import { describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { PENDING_PER_USER, PENDING_TTL_MS, PendingUploads } from './pending';

const upload = (user: string, fileName: string) => ({
  user,
  fileName,
  sha256: '0'.repeat(64),
  size: 1,
  asOf: '2026-01-01',
  baseEdition: null,
  cells: { added: 1, changed: 0, removed: 0 },
  dataset: demoDataset,
});

describe('pending uploads', () => {
  it("keeps three per keeper, dropping that keeper's oldest, never another's", () => {
    let at = Date.parse('2026-12-03T10:00:00Z');
    const pending = new PendingUploads(() => new Date(at));
    const other = pending.add(upload('b', 'b.xlsx'));
    const ids = ['1', '2', '3', '4'].map((n) => {
      at += 1000;
      return pending.add(upload('a', `${n}.xlsx`)).id;
    });
    expect(PENDING_PER_USER).toBe(3);
    expect(ids.map((id) => pending.get(id, 'a')?.fileName ?? null)).toEqual([
      null,
      '2.xlsx',
      '3.xlsx',
      '4.xlsx',
    ]);
    expect(pending.get(other.id, 'b')?.fileName).toBe('b.xlsx');
    expect(pending.get(other.id, 'a')).toBeNull();
  });

  it('forgets a preview after 30 minutes, unless its confirm is running', () => {
    let at = Date.parse('2026-12-03T10:00:00Z');
    const pending = new PendingUploads(() => new Date(at));
    const idle = pending.add(upload('a', 'idle.xlsx'));
    const busy = pending.add(upload('a', 'busy.xlsx'));
    busy.committing = true;
    at += PENDING_TTL_MS - 1;
    expect(pending.get(idle.id, 'a')).not.toBeNull();
    at += 1;
    expect(pending.get(idle.id, 'a')).toBeNull();
    expect(pending.get(busy.id, 'a')).not.toBeNull();
    expect(pending.size).toBe(1);
  });
});
