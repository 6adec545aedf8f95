import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { diffSchema, uploadHeadSchema, uploadKinds } from './schemas';

const diff = {
  totals: {
    added: 0,
    changed: 0,
    removed: 0,
    rankingsAdded: 0,
    rankingsChanged: 0,
    rankingsRemoved: 0,
  },
  meta: [],
  dimensions: { regions: { added: ['x'], changed: [], removed: [], reordered: false } },
  groups: [],
  truncated: false,
  cellCount: 0,
};

describe('admin answers', () => {
  it('checks every dimension of a diff', () => {
    expect(v.safeParse(diffSchema, diff).success).toBe(true);
    const bad = { ...diff, dimensions: { regions: { added: ['x'], changed: [], removed: [] } } };
    expect(v.safeParse(diffSchema, bad).success).toBe(false);
    expect(v.safeParse(diffSchema, { ...diff, dimensions: ['regions'] }).success).toBe(false);
  });

  it("tells an upload's kind, then checks that kind's fields", () => {
    const answer = {
      status: 'invalid',
      fileName: 'a.xlsx',
      problems: [{ sheet: '', row: null, column: null, code: 'x' }],
    };
    const head = v.parse(uploadHeadSchema, answer);
    expect(v.safeParse(uploadKinds[head.status], answer).success).toBe(false); // no text
    expect(v.safeParse(uploadHeadSchema, { status: 'stored' }).success).toBe(false);
  });
});
