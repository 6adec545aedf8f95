/**
 * The admin API's answers (issue 14's spec), checked at the boundary: a malformed answer becomes
 * an AdminError the page shows, never a crash. Loose objects: fields added later are ignored.
 *
 * Only valibot functions the dashboard's first load already uses (plus `array`): valibot is one
 * module, so whatever any chunk takes from it is bundled where the first load gets it. `variant`,
 * `record`, `union` and `literal` here cost every dashboard reader 2 KB gzipped.
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

const dimension = v.looseObject({
  added: v.array(text),
  changed: v.array(text),
  removed: v.array(text),
  reordered: v.boolean(),
});

/** An object whose every value is `schema` (valibot's `record`, without its bytes). */
function recordOf<S extends v.GenericSchema>(schema: S) {
  return v.pipe(
    v.looseObject({}),
    // looseObject has copied the entries already (an array arrives here as {0: …}).
    v.check((o) => Object.values(o).every((x) => v.safeParse(schema, x).success)),
    v.transform((o) => o as Record<string, v.InferOutput<S>>),
  );
}

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
  dimensions: recordOf(dimension),
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
  column: v.nullable(text),
  code: text,
  text: localized,
});
export type Problem = v.InferOutput<typeof problem>;

/** An upload's answer: which of the three it is, then that one's own fields. */
export const uploadKinds = {
  invalid: v.looseObject({
    status: v.picklist(['invalid']),
    fileName: text,
    problems: v.array(problem),
  }),
  unchanged: v.looseObject({
    status: v.picklist(['unchanged']),
    fileName: text,
    edition: editionSchema,
  }),
  preview: v.looseObject({
    status: v.picklist(['preview']),
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
};
type UploadKinds = typeof uploadKinds;
export type UploadAnswer = {
  [K in keyof UploadKinds]: v.InferOutput<UploadKinds[K]>;
}[keyof UploadKinds];

/** First which of the three an upload's answer is (`uploadKinds` then checks its fields). */
export const uploadHeadSchema = v.looseObject({
  status: v.picklist(['invalid', 'unchanged', 'preview']),
});
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
      detail: v.optional(v.nullable(v.looseObject({}))),
    }),
  ),
});
export type AuditEntry = v.InferOutput<typeof auditSchema>['entries'][number];
