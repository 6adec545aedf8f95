// @vitest-environment node
/**
 * The reader in a child process: it reads what the in-process reader reads, and a child that
 * runs out of memory or time becomes a problem, never a crash of the caller.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import { readWorkbookIsolated } from './isolated';
import { readWorkbook } from './read-workbook';

let demo: Uint8Array;
beforeAll(async () => {
  demo = await templateBytes(demoDataset);
});

describe('readWorkbookIsolated', () => {
  it('reads the demo workbook as readWorkbook does', async () => {
    const [isolated, direct] = await Promise.all([readWorkbookIsolated(demo), readWorkbook(demo)]);
    expect(isolated).toEqual(direct);
    expect(isolated.data?.dataset.observations).toHaveLength(demoDataset.observations.length);
  }, 60_000);

  it('reports a child that runs out of memory', async () => {
    const read = await readWorkbookIsolated(demo, { heapMb: 8 });
    expect(read.data).toBeNull();
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.code).toBe('parse-memory');
    expect(read.problems[0]?.message.en).toMatch(
      /^Reading the workbook needed more than 8 MB of memory and was stopped\. Nothing was written\./,
    );
  }, 60_000);

  it('stops a child that takes too long', async () => {
    const read = await readWorkbookIsolated(demo, { timeoutMs: 1 });
    expect(read.problems.map((p) => p.code)).toEqual(['parse-timeout']);
    expect(read.problems[0]?.message.zh).toMatch(/^读取工作簿超过 1 秒，已停止。未写入任何数据。/);
  }, 60_000);
});
