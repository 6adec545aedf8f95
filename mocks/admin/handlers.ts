/**
 * A stand-in for the admin API (issue 14's spec) for dom tests and screenshots: one data keeper
 * ("clerk" / "correct horse"), the spec's status codes and error bodies, CSRF on every write.
 * Which answer an upload gets depends on the file's name: "bad…" has problems, "same…" is
 * unchanged, "huge…" is over the size cap, "many…" has more changes than the diff lists; `state` flags set up the rarer cases.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { auditEntries, badProblems, edition, initialEditions, previewDiff } from './fixtures';
import type { MockEdition } from './fixtures';

export const MOCK_USER = { name: 'clerk', password: 'correct horse' };
export const MOCK_CSRF = 'csrf-token-1';
export const FILE_LIMIT_MB = 20;

export interface AdminMockState {
  signedIn: boolean;
  /** The next call answers 401 expired, as after 30 idle minutes. */
  expireNext: boolean;
  /** The next confirm finds that another edition landed (409 edition-moved). */
  moveNext: boolean;
  /** The next confirm waits too long for another import's lock (409 busy). */
  busyNext: boolean;
  /** The account is locked (423) for this many seconds. */
  lockedFor: number | null;
  editions: MockEdition[];
  pending: Map<string, { fileName: string; base: number | null }>;
  audit: ReturnType<typeof auditEntries>;
  /** Every request the page made: method, path and whether its CSRF header was right. */
  log: { method: string; path: string; csrf: boolean }[];
}

export function adminMockState(patch: Partial<AdminMockState> = {}): AdminMockState {
  return {
    signedIn: false,
    expireNext: false,
    moveNext: false,
    busyNext: false,
    lockedFor: null,
    editions: initialEditions(),
    pending: new Map(),
    audit: auditEntries(120),
    log: [],
    ...patch,
  };
}

const fail = (status: number, code: string, zh: string, en: string, extra: object = {}) =>
  HttpResponse.json({ error: { code, message: { zh, en } }, ...extra }, { status });

const sessionBody = () => ({
  user: { name: MOCK_USER.name },
  csrfToken: MOCK_CSRF,
  expiresAt: '2026-12-03T12:00:00.000Z',
});

export function adminHandlers(state: AdminMockState, base = '*/admin/api'): HttpHandler[] {
  /** The session and CSRF checks every route but sign-in makes; a Response when refused. */
  const guard = (request: Request): Response | null => {
    const url = new URL(request.url);
    const csrf = request.headers.get('x-csrf-token') === MOCK_CSRF;
    state.log.push({ method: request.method, path: url.pathname + url.search, csrf });
    if (state.expireNext) {
      state.expireNext = false;
      state.signedIn = false;
      return fail(
        401,
        'expired',
        '登录已过期，请重新登录。',
        'Your session has expired. Sign in again.',
      );
    }
    if (!state.signedIn) return fail(401, 'signed-out', '请先登录。', 'Please sign in.');
    if (request.method !== 'GET' && !csrf)
      return fail(
        403,
        'csrf',
        '请求被拒绝（跨站校验失败）。',
        'Request refused (cross-site check failed).',
      );
    return null;
  };
  const current = () => state.editions[0]?.id ?? null;
  const land = (patch: Partial<MockEdition>): MockEdition => {
    const next = edition((current() ?? 0) + 1, {
      importedAt: '2026-12-03T10:20:00.000Z',
      ...patch,
    });
    state.editions.unshift(next);
    return next;
  };

  return [
    http.get(
      `${base}/session`,
      ({ request }) => guard(request) ?? HttpResponse.json(sessionBody()),
    ),
    http.post(`${base}/sign-in`, async ({ request }) => {
      state.log.push({ method: 'POST', path: '/admin/api/sign-in', csrf: false });
      if (request.headers.get('content-type') !== 'application/json')
        return fail(403, 'csrf', '请求被拒绝。', 'Request refused.');
      const body = (await request.json()) as { name?: unknown; password?: unknown };
      if (state.lockedFor !== null)
        return fail(423, 'locked', '账户已锁定。', 'The account is locked.', {
          retryAfterSeconds: state.lockedFor,
        });
      if (body.name !== MOCK_USER.name || body.password !== MOCK_USER.password)
        return fail(401, 'bad-credentials', '用户名或密码不对。', 'Wrong user name or password.');
      state.signedIn = true;
      return HttpResponse.json(sessionBody());
    }),
    http.post(`${base}/sign-out`, ({ request }) => {
      const refused = guard(request);
      if (refused) return refused;
      state.signedIn = false;
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/uploads`, async ({ request }) => {
      const refused = guard(request);
      if (refused) return refused;
      const fileName = new URL(request.url).searchParams.get('file') ?? '';
      if (request.headers.get('content-type') !== 'application/octet-stream')
        return fail(415, 'bad-type', '上传格式不对。', 'Wrong upload type.');
      await request.arrayBuffer();
      if (fileName.startsWith('huge'))
        return fail(
          413,
          'too-large',
          `文件超过 ${FILE_LIMIT_MB} MB 上限。`,
          `The file is over the ${FILE_LIMIT_MB} MB limit.`,
        );
      if (fileName.startsWith('bad'))
        return HttpResponse.json({ status: 'invalid', fileName, problems: badProblems });
      if (fileName.startsWith('many'))
        return HttpResponse.json({
          status: 'preview',
          upload: {
            id: 'up-many',
            fileName,
            sha256: 'e'.repeat(64),
            size: 4096,
            asOf: null,
            baseEdition: current(),
            expiresAt: '2026-12-03T10:50:00.000Z',
          },
          diff: { ...previewDiff, truncated: true, cellCount: 9000 },
        });
      const top = state.editions[0];
      if (fileName.startsWith('same') && top)
        return HttpResponse.json({ status: 'unchanged', fileName, edition: top });
      const id = `up-${state.pending.size + 1}-${Date.now().toString(36)}`;
      state.pending.set(id, { fileName, base: current() });
      return HttpResponse.json({
        status: 'preview',
        upload: {
          id,
          fileName,
          sha256: 'f'.repeat(64),
          size: 4096,
          asOf: new URL(request.url).searchParams.get('asOf'),
          baseEdition: current(),
          expiresAt: '2026-12-03T10:50:00.000Z',
        },
        diff: previewDiff,
      });
    }),
    http.post(`${base}/uploads/:id/confirm`, ({ request, params }) => {
      const refused = guard(request);
      if (refused) return refused;
      const pending = state.pending.get(String(params.id));
      if (!pending)
        return fail(
          404,
          'no-upload',
          '预览已过期或已取消。',
          'The preview expired or was cancelled.',
        );
      if (state.busyNext) {
        state.busyNext = false;
        return fail(
          409,
          'busy',
          '另一项导入正在进行，请稍后再试。',
          'Another import is running; try again later.',
        );
      }
      if (state.moveNext) {
        state.moveNext = false;
        state.pending.delete(String(params.id));
        land({ fileName: 'other.xlsx' });
        return fail(
          409,
          'edition-moved',
          '预览之后已有新版本写入，请重新预览。',
          'Another edition landed since the preview; preview again.',
        );
      }
      state.pending.delete(String(params.id));
      return HttpResponse.json({
        edition: land({ fileName: pending.fileName, cells: { added: 1, changed: 2, removed: 1 } }),
      });
    }),
    http.post(`${base}/uploads/:id/cancel`, ({ request, params }) => {
      const refused = guard(request);
      if (refused) return refused;
      state.pending.delete(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(
      `${base}/editions`,
      ({ request }) => guard(request) ?? HttpResponse.json({ editions: state.editions }),
    ),
    http.get(`${base}/editions/compare`, ({ request }) => {
      const refused = guard(request);
      if (refused) return refused;
      const url = new URL(request.url);
      const find = (key: string) =>
        state.editions.find((e) => String(e.id) === url.searchParams.get(key));
      const from = find('from');
      const to = find('to');
      if (!from || !to) return fail(404, 'not-found', '没有这个版本。', 'No such edition.');
      return HttpResponse.json({ from, to, diff: previewDiff });
    }),
    http.post(`${base}/editions/:id/rollback`, ({ request, params }) => {
      const refused = guard(request);
      if (refused) return refused;
      const from = state.editions.find((e) => String(e.id) === params.id);
      if (!from) return fail(404, 'not-found', '没有这个版本。', 'No such edition.');
      if (!from.restorable)
        return fail(409, 'no-snapshot', '这个版本无法回退。', 'This edition cannot be restored.');
      if (from.id === current())
        return fail(409, 'unchanged', '与当前版本相同。', 'It equals the current edition.');
      return HttpResponse.json({
        edition: land({ fileName: from.fileName, rolledBackFrom: from.id }),
      });
    }),
    http.get(`${base}/audit`, ({ request }) => {
      const refused = guard(request);
      if (refused) return refused;
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const before = url.searchParams.get('before');
      const older = state.audit.filter((e) => before === null || e.id < Number(before));
      return HttpResponse.json({ entries: older.slice(0, limit) });
    }),
  ];
}
