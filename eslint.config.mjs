// ESLint: the code map's import boundaries (see ARCHITECTURE.md) plus the recommended correctness rules.
// Boundaries match folders with `**`, never file names, so they hold when a folder is split into sub-folders.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's globals, for the few plain JavaScript files (TypeScript files are checked by tsc instead of no-undef). */
const nodeGlobals = Object.fromEntries(
  [
    'console',
    'process',
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setImmediate',
  ].map((g) => [g, 'readonly']),
);

/** An import specifier with `name` as a whole path segment: `vscode`, `../handlers/x`, `../../cli`. */
const segment = (name) => `(^|/)${name}(/|\\.ts$|$)`;

const LSP_OR_EDITOR = {
  group: ['vscode', 'vscode-*', 'vscode/**', 'vscode-*/**'],
  message: 'the engine is pure TypeScript: no vscode* import; LSP types live in server/src/handlers/.',
};

export default defineConfig(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.eval/**', 'examples/**', 'test/e2e/screenshots/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // The writers match control characters on purpose, to escape them in YAML and HCL strings.
      'no-control-regex': 'off',
      // Tests match aligned columns of CLI output; `{2}` would read worse than the spaces.
      'no-regex-spaces': 'off',
      // `let view: View = this` starts a walk down the tree; nothing is captured.
      '@typescript-eslint/no-this-alias': 'off',
      // `let x: T[] = []; try { x = … }` is how TypeScript sees x assigned on every path.
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // New in ESLint 10's recommended set; wanted, but not as a gate while parallel branches land code written before it.
      'preserve-caught-error': 'warn',
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: nodeGlobals } },

  // Boundaries. One `no-restricted-imports` per folder (a later block for the same files would replace, not add).
  {
    // A rule file sees the rule API and the rule-side helpers, nothing else: no engine, no parser, no other rule.
    files: ['rules/*/**/*.ts'],
    ignores: ['rules/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.\\./(api|define-rule|lib/[a-z0-9-]+)$)',
              message:
                'a rule imports only ../api, ../define-rule and ../lib/* (rules never see syntax; a missing reading belongs in rules/lib/ or the view API).',
            },
          ],
        },
      ],
    },
  },
  {
    // Rule-side helpers and the rule API: only each other. The engine implements rules/api.ts, never the reverse.
    files: ['rules/lib/**/*.ts', 'rules/api.ts', 'rules/define-rule.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        // Plus the rules' own data files (rules/data/*.json, e.g. the Lambda runtime deprecation table).
        {
          patterns: [
            {
              regex: '^(?!\\.\\.?/(api|define-rule|lib/[a-z0-9-]+|[a-z0-9-]+)$|\\.\\./data/[a-z0-9-]+\\.json$)',
              message: 'rules/lib and the rule API import only each other (and rules/data/*.json).',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine and what it is built from: no editor, no LSP handlers, no CLI (both of those call the engine). The
    // scan and workspace helpers are shared by the CLI and the server in the same way, so they keep the same rule.
    files: [
      'server/src/engine/**/*.ts',
      'server/src/parsers/**/*.ts',
      'server/src/edits/**/*.ts',
      'server/src/model/**/*.ts',
      'server/src/scan/**/*.ts',
      'server/src/workspace/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            LSP_OR_EDITOR,
            { regex: segment('handlers'), message: 'the engine must not import LSP handlers: they call the engine, not the reverse.' },
            { regex: segment('cli'), message: 'the engine must not import the CLI: it calls the engine, not the reverse.' },
            { regex: segment('server'), message: 'the engine must not import the language server entry point.' },
          ],
        },
      ],
    },
  },
  {
    // The extension client talks to the server over LSP only: it shares the protocol's names and types, no code.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!src/protocol$)',
              message: 'the client imports only server/src/protocol.ts from the server (types and constants).',
            },
            { regex: segment('rules'), message: 'the client runs no rules: it asks the server.' },
            {
              group: ['vscode-languageserver', 'vscode-languageserver/**'],
              message: 'the client uses vscode-languageclient; vscode-languageserver is the server side.',
            },
          ],
        },
      ],
    },
  },
);
