/**
 * Answers of the admin API (issue 14's spec) for tests and screenshots: editions, a preview's
 * diff, a bad file's problems. Plain data: mocks/ does not see the page's types.
 */
export interface MockEdition {
  id: number;
  importedAt: string;
  importedBy: string | null;
  fileName: string;
  sha256: string;
  asOf: string | null;
  counts: { regions: number; indicators: number; observations: number; rankings: number };
  cells: { added: number; changed: number; removed: number };
  restorable: boolean;
  rolledBackFrom: number | null;
}

const sha = (n: number) =>
  (n.toString(16).padStart(2, '0') + 'a3f19c0d4be7').repeat(5).slice(0, 64);

export function edition(id: number, patch: Partial<MockEdition> = {}): MockEdition {
  return {
    id,
    importedAt: `2026-${String(Math.min(12, id)).padStart(2, '0')}-01T02:30:00.000Z`,
    importedBy: id === 1 ? null : 'clerk',
    fileName: `longhua-${id}.xlsx`,
    sha256: sha(id),
    asOf: `2026-${String(Math.min(12, id)).padStart(2, '0')}-01`,
    counts: { regions: 12, indicators: 25, observations: 1800 + id, rankings: 24 },
    cells: { added: id === 1 ? 1800 : 3, changed: id === 1 ? 0 : 2, removed: 0 },
    restorable: id !== 1,
    rolledBackFrom: null,
    ...patch,
  };
}

export const initialEditions = (): MockEdition[] => [edition(3), edition(2), edition(1)];

const cases = {
  id: 'drug-cases',
  name: { zh: '破获毒品刑事案件', en: 'Drug criminal cases solved' },
  unit: { zh: '起', en: 'cases' },
};
const longhua = { id: 'longhua', name: { zh: '龙华区', en: 'Longhua' } };
const meilan = { id: 'meilan', name: { zh: '美兰区', en: 'Meilan' } };

export const previewDiff = {
  totals: {
    added: 1,
    changed: 2,
    removed: 1,
    rankingsAdded: 0,
    rankingsChanged: 1,
    rankingsRemoved: 0,
  },
  meta: ['dataAsOf'],
  // As the service sends it (server/db/diff.ts): every dimension, most of them unchanged.
  dimensions: {
    regions: { added: [], changed: ['meilan'], removed: [], reordered: false },
    campaigns: { added: [], changed: [], removed: [], reordered: false },
    programmes: { added: [], changed: [], removed: [], reordered: false },
    indicators: { added: [], changed: [], removed: [], reordered: false },
    assessments: { added: [], changed: [], removed: [], reordered: false },
  },
  groups: [
    {
      indicator: cases,
      region: longhua,
      cells: [
        { year: 2024, kind: 'changed', before: { value: 120 }, after: { value: 135 } },
        { year: 2025, kind: 'added', before: null, after: { value: 98, provisional: true } },
      ],
    },
    {
      indicator: cases,
      region: meilan,
      cells: [
        {
          year: 2023,
          kind: 'changed',
          before: { value: 41 },
          after: { value: null, status: 'withheld' },
        },
        { year: 2022, kind: 'removed', before: { value: 37 }, after: null },
      ],
    },
    {
      indicator: {
        id: 'assessment:annual',
        name: { zh: '年度考核', en: 'Annual assessment' },
        unit: null,
      },
      region: longhua,
      cells: [{ year: 2024, kind: 'changed', before: { value: 3 }, after: { value: 2 } }],
    },
  ],
  truncated: false,
  cellCount: 5,
};

export const badProblems = [
  {
    sheet: '数据',
    row: 7,
    column: 'E',
    code: 'not-a-number',
    text: { zh: '“十二”不是数字', en: '"十二" is not a number' },
  },
  {
    sheet: '地区',
    row: null,
    column: null,
    code: 'missing-sheet-column',
    text: { zh: '缺少“上级地区”列', en: 'The column "上级地区" is missing' },
  },
];

export const auditEntries = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const id = n - i;
    const actions = ['sign-in', 'upload', 'confirm', 'sign-out', 'sign-in-failed'];
    const action = actions[id % actions.length] ?? 'sign-in';
    return {
      id,
      at: new Date(Date.UTC(2026, 11, 3, 9, 0) - i * 60_000).toISOString(),
      user: action === 'sign-in-failed' ? null : 'clerk',
      action,
      ip: '10.0.0.7',
      detail: action === 'upload' ? { fileName: `entry-${id}.xlsx`, status: 'preview' } : {},
    };
  });
