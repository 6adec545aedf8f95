// @vitest-environment node
/**
 * A parent chain deeper than the limit (8; the contract has four levels) is one problem on the
 * first row that is too deep. Before, a 10,000-deep chain imported and made every region query
 * slow (paths grow with the square of the depth); a 100,000-deep one ran out of memory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import { readWorkbook } from '../read-workbook';
import { REGIONS_PART, editPart, regionChain } from './hostile-fixtures';
import { LIMITS } from './limits';

let demo: Uint8Array;
beforeAll(async () => {
  demo = await templateBytes(demoDataset);
});

describe('region depth', () => {
  it('accepts a chain as deep as the limit', async () => {
    const read = await readWorkbook(regionChain(demo, LIMITS.regionDepth));
    expect(read.problems).toEqual([]);
    expect(read.data?.dataset.meta.regions.some((r) => r.id === 'chain-8')).toBe(true);
  });

  it('refuses a deeper one once, on the first region below the limit', async () => {
    const read = await readWorkbook(regionChain(demo, 10_000));
    expect(read.data).toBeNull();
    expect(read.problems).toEqual([
      {
        code: 'region-too-deep',
        sheet: '地区 (Regions)',
        row: 500 + LIMITS.regionDepth + 1,
        column: 'C',
        message: {
          zh: '地区“chain-9”位于第 9 层（从无上级的地区数起），超过上限 8 层；请检查上级编号是否形成了过长的链',
          en: 'The region "chain-9" is 9 levels deep (counting from a region without a parent), more than the limit of 8; check the parent IDs for an overlong chain',
        },
      },
    ]);
  });

  it('leaves a cycle to its own problem (no depth problem on it)', async () => {
    // chain-1 … chain-9 with chain-1's parent set to chain-9: a cycle, reported as such only.
    const cyclic = editPart(regionChain(demo, 9), REGIONS_PART, (x) =>
      x.replace(
        '<c r="D501" t="inlineStr">',
        '<c r="C501" t="inlineStr"><is><t>chain-9</t></is></c><c r="D501" t="inlineStr">',
      ),
    );
    const read = await readWorkbook(cyclic);
    expect(read.problems.map((p) => p.code)).toEqual(['parent-cycle']);
  });
});
