/**
 * The admin API's answers (issue 14's spec), checked at the boundary: a malformed answer becomes
 * an AdminError the page shows, never a crash. Loose objects: fields added later are ignored.
 */
import * as v from 'valibot';

const text = v.string();
const localized = v.looseObject({ zh: text, en: text });
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.number(), v.integer());

export const errorBodySchema = v.looseObject({
  error: v.looseObject({
    code: text,
    message: v.optional(localized),
  }),
  retryAfterSeconds: v.optional(v.number()),
});

export const sessionSchema = v.looseObject({
  user: v.looseObject({ name: text }),
  csrfToken: text,
  expiresAt: text,
});
export type Session = v.InferOutput<typeof sessionSchema>;

export const editionSchema = v.looseObject({
  id,
  importedAt: text,
  importedBy: v.nullable(text),
  fileName: text,
  sha256: text,
  asOf: v.nullable(text),
  counts: v.looseObject({
    regions: count,
    indicators: count,
    observations: count,
    rankings: count,
  }),
  cells: v.looseObject({ added: count, changed: count, removed: count }),
  restorable: v.boolean(),
  rolledBackFrom: v.nullable(id),
});
export type Edition = v.InferOutput<typeof editionSchema>;

const cellValue = v.looseObject({
  value: v.nullable(v.number()),
  status: v.optional(v.nullable(text)),
  provisional: v.optional(v.nullable(v.boolean())),
  note: v.optional(v.nullable(text)),
});
export type CellValue = v.InferOutput<typeof cellValue>;

export const diffSchema = v.looseObject({
  totals: v.looseObject({
    added: count,
    changed: count,
    removed: count,
    rankingsAdded: count,
    rankingsChanged: count,
    rankingsRemoved: count,
  }),
  meta: v.array(text),
  dimensions: v.record(
    text,
    v.looseObject({
      added: v.array(text),
      changed: v.array(text),
      removed: v.array(text),
      reordered: v.boolean(),
    }),
  ),
  groups: v.array(
    v.looseObject({
      indicator: v.looseObject({ id: text, name: localized, unit: v.nullable(localized) }),
      region: v.looseObject({ id: text, name: localized }),
      cells: v.array(
        v.looseObject({
          year: v.number(),
          kind: v.picklist(['added', 'changed', 'removed']),
          before: v.nullable(cellValue),
          after: v.nullable(cellValue),
        }),
      ),
    }),
  ),
  truncated: v.boolean(),
  cellCount: count,
});
export type DiffView = v.InferOutput<typeof diffSchema>;
export type DiffGroup = DiffView['groups'][number];

const problem = v.looseObject({
  sheet: v.nullable(text),
  row: v.nullable(v.number()),
  column: v.nullable(v.union([text, v.number()])),
  code: text,
  text: localized,
});
export type Problem = v.InferOutput<typeof problem>;

export const uploadAnswerSchema = v.variant('status', [
  v.looseObject({ status: v.literal('invalid'), fileName: text, problems: v.array(problem) }),
  v.looseObject({ status: v.literal('unchanged'), fileName: text, edition: editionSchema }),
  v.looseObject({
    status: v.literal('preview'),
    upload: v.looseObject({
      id: text,
      fileName: text,
      sha256: text,
      size: count,
      asOf: v.nullable(text),
      baseEdition: v.nullable(id),
      expiresAt: text,
    }),
    diff: diffSchema,
  }),
]);
export type UploadAnswer = v.InferOutput<typeof uploadAnswerSchema>;
export type Preview = Extract<UploadAnswer, { status: 'preview' }>;

export const editionAnswerSchema = v.looseObject({ edition: editionSchema });
export const editionsSchema = v.looseObject({ editions: v.array(editionSchema) });
export const compareSchema = v.looseObject({
  from: editionSchema,
  to: editionSchema,
  diff: diffSchema,
});
export type Comparison = v.InferOutput<typeof compareSchema>;

export const auditSchema = v.looseObject({
  entries: v.array(
    v.looseObject({
      id,
      at: text,
      user: v.nullable(text),
      action: text,
      ip: v.nullable(text),
      detail: v.optional(v.nullable(v.record(text, v.unknown()))),
    }),
  ),
});
export type AuditEntry = v.InferOutput<typeof auditSchema>['entries'][number];
