/**
 * The data keeper's import and editions API (issue 14; mounted by the service under
 * /admin/api): upload → preview (the CLI's dry run, kept in memory) → confirm or cancel; the
 * editions list; any two editions compared; roll back (an earlier edition stored again as a
 * new one); an edition as a filled workbook. Every route needs a signed-in keeper
 * (deps.requireWriter, GETs too), answers `cache-control: no-store`, and turns its own
 * failures into a logged 500 with the JSON error body, never HTML. Nothing is ever deleted.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Kysely } from 'kysely';
import { templateBytes, XLSX_MIME } from '@contract/workbook/write-template';
import { commitPreviewed, runImport } from '../../cli/import-command';
import { diffDatasets, isUnchanged } from '../../db/diff';
import type { Database } from '../../db/schema';
import { editionCells } from '../../db/write';
import { LIMITS } from '../../import/guard/limits';
import type { Message } from '../../import/problem';
import { formatProblem } from '../../import/read-workbook';
import { buildDiffView } from './diff-view';
import { editionMessages as say } from './messages';
import { PendingUploads } from './pending';
import { readCappedBody } from './read-body';
import { editionData, editionSummaries, editionSummary } from './summary';

type AdminEnv = { Variables: { adminUser: string } };

export interface EditionDeps {
  /** 401 without a live session, 403 on a non-GET without the CSRF token; sets adminUser. */
  requireWriter: MiddlewareHandler<AdminEnv>;
  audit(entry: {
    user: string | null;
    action: string;
    ip: string | null;
    detail?: Record<string, unknown>;
  }): Promise<void>;
  clientIp?: (c: Context) => string | null;
  now?: () => Date;
  /** Parse workbooks in a child process with limits (default); false only for tests. */
  isolated?: boolean;
  /** The upload size cap (default LIMITS.fileBytes); lowered by tests. */
  maxUploadBytes?: number;
  /** How long a preview / a confirm or roll back waits for another import (5 s / 10 s). */
  previewWaitMs?: number;
  commitWaitMs?: number;
  log?: (line: string) => void;
}

const PREVIEW_WAIT_MS = 5_000;
const COMMIT_WAIT_MS = 10_000;
const FILE_NAME_MAX = 200;

function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: Message) {
  return c.json({ error: { code, message } }, status);
}

/** The file name as given, without any folder; refused when empty, too long or with controls. */
function uploadName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const name = basename(raw.replaceAll('\\', '/')).trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > FILE_NAME_MAX || /[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}

function editionId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  return Number(raw);
}

export function createEditionRoutes(db: Kysely<Database>, deps: EditionDeps): Hono<AdminEnv> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const cap = deps.maxUploadBytes ?? LIMITS.fileBytes;
  const previewWait = deps.previewWaitMs ?? PREVIEW_WAIT_MS;
  const commitWait = deps.commitWaitMs ?? COMMIT_WAIT_MS;
  const pending = new PendingUploads(now);
  const app = new Hono<AdminEnv>();

  const audit = async (
    c: Context<AdminEnv>,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<void> => {
    try {
      await deps.audit({
        user: c.get('adminUser'),
        action,
        ip: deps.clientIp?.(c) ?? null,
        detail,
      });
    } catch (error) {
      // What was done stays done; the failure to record it is in the log.
      log(`audit ${action} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const noStore: MiddlewareHandler<AdminEnv> = async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  };
  const internal = (c: Context, where: string, error: unknown) => {
    log(
      `admin ${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return errorJson(c, 500, 'internal', say.internal());
  };
  app.onError((error, c) => internal(c, `${c.req.method} ${c.req.path}`, error));
  // Per route, not app.use('*'): mounted next to the sign-in routes, a catch-all would guard
  // those too.
  const guard = [noStore, deps.requireWriter] as const;

  app.post('/uploads', ...guard, async (c) => {
    const user = c.get('adminUser');
    const fileName = uploadName(c.req.query('file'));
    if (fileName === null) return errorJson(c, 400, 'bad-request', say.badFileName());
    const asOf = c.req.query('asOf') || undefined;
    const body = await readCappedBody(c.req.raw, cap);
    if (body.status === 'too-large') {
      await audit(c, 'upload', {
        fileName,
        status: 'too-large',
        declared: body.declared,
        read: body.read,
      });
      return errorJson(c, 413, 'too-large', say.tooLarge(cap));
    }
    const { bytes } = body;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const outcome = await runImport(db, {
      fileName,
      bytes,
      dryRun: true,
      asOf,
      now: now(),
      lockWaitMs: previewWait,
      ...(deps.isolated === false ? { isolated: false } : {}),
    });
    const about = { fileName, sha256, size: bytes.length };
    switch (outcome.status) {
      case 'invalid': {
        await audit(c, 'upload', {
          ...about,
          status: 'invalid',
          problems: outcome.problems.length,
        });
        return c.json({
          status: 'invalid',
          fileName,
          problems: outcome.problems.map((p) => ({
            sheet: p.sheet,
            row: p.row,
            column: p.column,
            code: p.code,
            text: { zh: formatProblem(p, 'zh'), en: formatProblem(p, 'en') },
          })),
        });
      }
      case 'busy':
        await audit(c, 'upload', { ...about, status: 'busy' });
        return errorJson(c, 409, 'busy', say.busy(Math.ceil(outcome.waitMs / 1000)));
      case 'unchanged': {
        const edition = outcome.edition && (await editionSummary(db, outcome.edition.id));
        await audit(c, 'upload', { ...about, status: 'unchanged', edition: edition?.id ?? null });
        return c.json({ status: 'unchanged', fileName, edition });
      }
      case 'imported':
        throw new Error('a dry run stored an edition');
      case 'dry-run': {
        const cells = editionCells(outcome.diff);
        const diff = buildDiffView(outcome.diff, outcome.baseMeta, outcome.dataset.meta);
        const upload = pending.add({
          user,
          fileName,
          sha256,
          size: bytes.length,
          asOf: outcome.dataset.meta.dataAsOf,
          baseEdition: outcome.base?.id ?? null,
          cells,
          dataset: outcome.dataset,
        });
        await audit(c, 'upload', {
          ...about,
          status: 'preview',
          upload: upload.id,
          baseEdition: upload.baseEdition,
          cells,
        });
        return c.json({
          status: 'preview',
          upload: {
            id: upload.id,
            fileName,
            sha256,
            size: upload.size,
            asOf: upload.asOf,
            baseEdition: upload.baseEdition,
            expiresAt: new Date(upload.expiresAt).toISOString(),
          },
          diff,
        });
      }
    }
  });

  app.post('/uploads/:id/confirm', ...guard, async (c) => {
    const user = c.get('adminUser');
    const upload = pending.get(c.req.param('id'), user);
    if (!upload) return errorJson(c, 404, 'no-upload', say.noUpload());
    if (upload.committing) return errorJson(c, 409, 'committing', say.committing());
    // Set before the first await: a second confirm arriving meanwhile sees it.
    upload.committing = true;
    const about = { upload: upload.id, fileName: upload.fileName, sha256: upload.sha256 };
    let outcome: Awaited<ReturnType<typeof commitPreviewed>>;
    try {
      outcome = await commitPreviewed(db, {
        dataset: upload.dataset,
        baseEdition: upload.baseEdition,
        cells: upload.cells,
        fileName: upload.fileName,
        checksum: upload.sha256,
        importedBy: user,
        now: now(),
        lockWaitMs: commitWait,
      });
    } catch (error) {
      upload.committing = false;
      throw error;
    }
    if (outcome.status === 'busy') {
      upload.committing = false;
      await audit(c, 'confirm', { ...about, status: 'busy' });
      return errorJson(c, 409, 'busy', say.busy(Math.ceil(outcome.waitMs / 1000)));
    }
    pending.delete(upload.id);
    if (outcome.status === 'edition-moved') {
      await audit(c, 'confirm', {
        ...about,
        status: 'edition-moved',
        baseEdition: upload.baseEdition,
        latest: outcome.latest,
      });
      return errorJson(c, 409, 'edition-moved', say.editionMoved(outcome.latest));
    }
    await audit(c, 'confirm', { ...about, status: 'imported', edition: outcome.editionId });
    return c.json({ edition: await editionSummary(db, outcome.editionId) });
  });

  app.post('/uploads/:id/cancel', ...guard, async (c) => {
    const upload = pending.get(c.req.param('id'), c.get('adminUser'));
    if (upload && !upload.committing) {
      pending.delete(upload.id);
      await audit(c, 'cancel', { upload: upload.id, fileName: upload.fileName });
    }
    return c.body(null, 204);
  });

  app.get('/editions', ...guard, async (c) => c.json({ editions: await editionSummaries(db) }));

  app.get('/editions/compare', ...guard, async (c) => {
    const from = editionId(c.req.query('from'));
    const to = editionId(c.req.query('to'));
    if (from === null || to === null) return errorJson(c, 400, 'bad-request', say.badId());
    const [a, b] = await Promise.all([editionData(db, from), editionData(db, to)]);
    if (a.status === 'no-edition' || b.status === 'no-edition')
      return errorJson(c, 404, 'no-edition', say.noEdition());
    if (a.status === 'no-snapshot')
      return errorJson(c, 409, 'no-snapshot', say.noSnapshot(a.edition.id));
    if (b.status === 'no-snapshot')
      return errorJson(c, 409, 'no-snapshot', say.noSnapshot(b.edition.id));
    const diff = diffDatasets(a.dataset, b.dataset);
    return c.json({
      from: a.edition,
      to: b.edition,
      diff: buildDiffView(diff, a.dataset.meta, b.dataset.meta),
    });
  });

  app.post('/editions/:id/rollback', ...guard, async (c) => {
    const id = editionId(c.req.param('id'));
    if (id === null) return errorJson(c, 400, 'bad-request', say.badId());
    const target = await editionData(db, id);
    if (target.status === 'no-edition') return errorJson(c, 404, 'no-edition', say.noEdition());
    if (target.status === 'no-snapshot')
      return errorJson(c, 409, 'no-snapshot', say.noSnapshot(id));
    const current = await editionData(db, 'current');
    // Diffed against the latest edition; stored only if that is still the latest.
    const base = current.status === 'found' ? current : null;
    const diff = diffDatasets(base?.dataset ?? null, target.dataset);
    if (isUnchanged(diff)) return errorJson(c, 409, 'unchanged', say.unchanged(id));
    const outcome = await commitPreviewed(db, {
      dataset: target.dataset,
      baseEdition: base?.edition.id ?? null,
      cells: editionCells(diff),
      fileName: target.edition.fileName,
      checksum: target.edition.sha256,
      importedBy: c.get('adminUser'),
      now: now(),
      lockWaitMs: commitWait,
      rolledBackFrom: id,
    });
    if (outcome.status === 'busy') {
      await audit(c, 'rollback', { from: id, status: 'busy' });
      return errorJson(c, 409, 'busy', say.busy(Math.ceil(outcome.waitMs / 1000)));
    }
    if (outcome.status === 'edition-moved') {
      await audit(c, 'rollback', { from: id, status: 'edition-moved', latest: outcome.latest });
      return errorJson(c, 409, 'edition-moved', say.editionMoved(outcome.latest));
    }
    await audit(c, 'rollback', { from: id, status: 'imported', edition: outcome.editionId });
    return c.json({ edition: await editionSummary(db, outcome.editionId) });
  });

  app.get('/editions/:id/workbook', ...guard, async (c) => {
    const raw = c.req.param('id');
    const id = raw === 'current' ? 'current' : editionId(raw);
    if (id === null) return errorJson(c, 400, 'bad-request', say.badId());
    const found = await editionData(db, id);
    if (found.status === 'no-edition') return errorJson(c, 404, 'no-edition', say.noEdition());
    if (found.status === 'no-snapshot')
      return errorJson(c, 409, 'no-snapshot', say.noSnapshot(found.edition.id));
    const bytes = await templateBytes(found.dataset);
    const name = `jindu-data-edition-${found.edition.id}-${found.edition.asOf}.xlsx`;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_MIME,
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });

  return app;
}
