import { bench, describe } from 'vitest';
import { buildTemplate } from '../contract/workbook/write-template';
import { readLoadedWorkbook } from '../server/import/read-workbook';
import { syntheticDataset } from './synthetic';

// The importer's validation of a loaded workbook (exceljs's own parsing of the file excluded):
// what must not grow faster than the cells. The test (server/import/read-workbook.test.ts)
// checks that a workbook this size is read whole; how long it takes is measured here.
const shape = { districts: 20, townships: 10, indicators: 25, years: 7 };
const ds = syntheticDataset(shape);
const wb = await buildTemplate(ds);
const first = readLoadedWorkbook(wb);
if (first.problems.length || first.data?.dataset.observations.length !== ds.observations.length)
  throw new Error(`the synthetic workbook does not read back: ${JSON.stringify(first.problems)}`);

const rows = ds.observations.length / shape.years;
describe(`import: province-sized workbook, ${String(rows)} rows × ${String(shape.years)} years`, () => {
  bench('readLoadedWorkbook', () => void readLoadedWorkbook(wb), { iterations: 5 });
});
