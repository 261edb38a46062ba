// The import boundaries of eslint.config.mjs bite: each folder's forbidden imports are reported, its allowed ones are not.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..');

/** The no-restricted-imports findings for `imports` placed in a file at `file` (nothing is written to disk). */
async function restricted(file: string, imports: readonly string[]): Promise<string[]> {
  const code =
    imports.map((spec, i) => `import * as m${i} from '${spec}';\n`).join('') + `export const all = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`;
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => imports[m.line - 1] as string);
}

describe('import boundaries (eslint.config.mjs)', function () {
  this.timeout(60_000);

  it('a rule imports only the rule API and rules/lib', async () => {
    const ok = ['../api', '../define-rule', '../lib/require-true'];
    const bad = ['../../server/src/engine/lint/lint', '../../server/src/model/document', '../s3/s3-versioning', 'node:fs', 'yaml'];
    assert.deepEqual(await restricted('rules/newfamily/some-rule.ts', [...ok, ...bad]), bad);
  });

  it('the engine, parsers, writers, model, scan and workspace import no vscode*, handlers or CLI, at any folder depth', async () => {
    const ok = ['../../../rules/api', '../model/document', 'yaml', 'web-tree-sitter'];
    const bad = ['vscode', 'vscode-languageserver/node', 'vscode-languageserver-types', '../handlers/diagnostics', '../../cli/args', '../cli'];
    const files = [
      'server/src/engine/lint/lint.ts',
      'server/src/engine/scope/deep/resolve.ts',
      'server/src/parsers/x.ts',
      'server/src/edits/x.ts',
      'server/src/model/x.ts',
    ];
    for (const file of [...files, 'server/src/scan/x.ts', 'server/src/workspace/x.ts']) {
      assert.deepEqual(await restricted(file, [...ok, ...bad]), bad, file);
    }
  });

  it('the client imports from the server only its protocol', async () => {
    const ok = ['vscode', 'vscode-languageclient/node', '../../server/src/protocol', './commands'];
    const bad = ['../../server/src/engine/lint/lint', '../../server/src/handlers/settings', '../../rules/index', 'vscode-languageserver/node'];
    assert.deepEqual(await restricted('client/src/extension.ts', [...ok, ...bad]), bad);
  });
});
