/**
 * Writes the two workbooks the dashboard offers for download:
 *   jindu-data-template.xlsx  the empty template an office fills in
 *   jindu-demo-data.xlsx      the bundled demo data as a filled template (an example, and a
 *                             ready file for `npm run import` to try the data service)
 * Usage: tsx scripts/make-templates.ts OUT_DIR   (the Vite build runs it: vite.config.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/make-templates.ts OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'jindu-data-template.xlsx'), await templateBytes(null));
writeFileSync(join(out, 'jindu-demo-data.xlsx'), await templateBytes(demoDataset));
