import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMarkupInjection = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Labels come from data servers we do not control: render text, never HTML.',
};

// Import sources, by where they lead (an alias, or a relative path out of the folder).
const SRC = { regex: String.raw`^(@/|(\.\./)+src/)`, message: 'src/ is the app' };
const SRC_BUT_LIB = { regex: String.raw`^(@/|(\.\./)+src/)(?!lib/)`, message: 'src/ is the app' };
const SRC_FEATURES_OR_APP = {
  regex: String.raw`^(@/|\.\./)+(features|app)/`,
  message: 'shared code must not import features or app',
};
const SRC_APP = { regex: String.raw`^(@/|\.\./)+app/`, message: 'features must not import app' };
const MOCKS = {
  regex: String.raw`^(@mocks/|(\.\./)+mocks/)`,
  message: 'mocks/ is the demo/test API',
};
const MOCKS_BUT_DEMO_DATA = {
  regex: String.raw`^(@mocks/|(\.\./)+mocks/)(?!demo/|broken-records$)`,
  message:
    'tests may read the demo dataset (mocks/demo, mocks/broken-records), nothing else of mocks/',
};
const SERVER = { regex: String.raw`^(\.\./)+server/`, message: 'server/ is the data service' };
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const SERVER_TESTS = [
  ...TESTS.map((t) => `server/${t}`),
  'server/test/**',
  'server/import/test-support.ts',
];

/** One no-restricted-imports block per zone: files there must not import what `forbid` names. */
function zones(list) {
  return list.map(({ files, ignores = [], forbid }) => ({
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid.map(({ regex, message }) => ({
            regex,
            caseSensitive: true,
            message,
          })),
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': ['error', noMarkupInjection],
    },
  },
  // Import zones. contract/ (wire types, schema, parsers, query rules, workbook layout) is
  // shared by the app (src/), the demo/test API (mocks/) and the data service (server/), and
  // owned by none of them: it imports none of them, and none of them imports another's
  // internals. Tests may read the demo dataset (mocks/demo) as data. Dynamic import() is not
  // checked, which leaves src/main.tsx's gated start of the demo worker as the one way from
  // src/ into mocks/.
  ...zones([
    {
      files: ['contract/**'],
      ignores: TESTS,
      forbid: [SRC, MOCKS, SERVER],
    },
    {
      files: TESTS.map((t) => `contract/${t}`),
      forbid: [SRC, MOCKS_BUT_DEMO_DATA, SERVER],
    },
    { files: ['server/**'], ignores: SERVER_TESTS, forbid: [SRC, MOCKS] },
    { files: SERVER_TESTS, forbid: [SRC, MOCKS_BUT_DEMO_DATA] },
    { files: ['mocks/**'], ignores: TESTS, forbid: [SRC, SERVER] },
    // The demo's published figures are checked with the app's own change maths.
    { files: TESTS.map((t) => `mocks/${t}`), forbid: [SRC_BUT_LIB, SERVER] },
    // src/: later blocks override earlier ones for the files they match, so each lists all.
    { files: ['src/**'], ignores: ['src/test/**', ...TESTS], forbid: [SERVER, MOCKS] },
    { files: ['src/test/**', ...TESTS.map((t) => `src/${t}`)], forbid: [SERVER] },
    // One-way imports: lib and components are shared leaves; they never reach into features or app.
    {
      files: ['src/lib/**', 'src/components/**'],
      forbid: [SERVER, MOCKS, SRC_FEATURES_OR_APP],
    },
    { files: ['src/features/**'], forbid: [SERVER, MOCKS, SRC_APP] },
  ]),
  // The unit and dom test projects share modules between files (vite.config.ts, SHARED_MODULES):
  // a module mock there would work or not depending on which file ran first in the worker.
  {
    files: ['contract/', 'mocks/', 'src/', 'server/import/'].flatMap((d) =>
      TESTS.map((t) => d + t),
    ),
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'unmock', 'doUnmock'].map((property) => ({
          object: 'vi',
          property,
          message:
            'unit and dom tests share modules (vite.config.ts, SHARED_MODULES): spy on an exported object instead',
        })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
