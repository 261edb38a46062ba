// Every regular expression written in the engine and the rules, run over adversarial workspace text: long runs of
// one character class, alternations and near-misses, the shapes that make a backtracking regex take quadratic or
// exponential time. A regex that needs more than the bound on a 20 kB input fails, naming its file and line.
// The figures are printed so a slow drift shows before it fails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const LENGTH = 50_000;
/** Per regex and input, generous for a shared machine: a linear regex takes about a millisecond on 50 kB, a quadratic one 10 s or more. */
const BOUND_MS = 1_000;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [full] : [];
  });
}

/** Regex literals of a file, with their line, found by the TypeScript scanner (not by a regex over the source). */
function regexLiterals(file: string): { where: string; regex: RegExp }[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { where: string; regex: RegExp }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const slash = literal.lastIndexOf('/');
      const flags = literal.slice(slash + 1).replace(/[gy]/g, '');
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      out.push({ where: `${path.relative(ROOT, file)}:${line} ${literal}`, regex: new RegExp(literal.slice(1, slash), flags) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Inputs that defeat backtracking: runs of each class a pattern may repeat, ended by a character that fails the match. */
function adversarialInputs(): string[] {
  const units = [
    'a',
    'A',
    '0',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '-',
    '_',
    '.',
    ',',
    ':',
    '=',
    '"',
    "'",
    '\\',
    '/',
    '*',
    '$',
    '{',
    '}',
    '[',
    '(',
    '<',
    '#',
    '%',
    '+',
    '@',
    'ab',
    'a ',
    'a=',
    'a:',
    'a.',
    'a-',
    'a/',
    '${',
    '\\"',
    ' \n',
    'aA0',
    'AKIA',
    '::',
    '/*',
    '**',
  ];
  const enders = ['', '!', '\u0000', 'x'];
  const out: string[] = [];
  for (const unit of units) {
    const run = unit.repeat(Math.ceil(LENGTH / unit.length));
    for (const end of enders) out.push(run + end);
    out.push('x' + run + '\n' + run);
  }
  return out;
}

describe('every regular expression applied to workspace text is linear', function () {
  this.timeout(600_000);
  const files = [...sources(path.join(ROOT, 'rules')), ...sources(path.join(ROOT, 'server', 'src'))];
  const regexes = files.flatMap(regexLiterals);
  const inputs = adversarialInputs();

  it(`finds the regexes of rules/ and server/src/ (a guard against an empty run)`, () => {
    assert.ok(regexes.length > 100, `${regexes.length} regexes`);
  });

  it(`each takes < ${BOUND_MS} ms on every adversarial ${LENGTH / 1000} kB input`, () => {
    const slow: string[] = [];
    let worst = { ms: 0, where: '' };
    const started = performance.now();
    for (const { where, regex } of regexes) {
      for (const input of inputs) {
        const t = performance.now();
        regex.test(input);
        const global = new RegExp(regex.source, regex.flags + 'g');
        let guard = 0;
        // Every match, as a scanner looping with /g would take them; an empty match steps on.
        for (let m = global.exec(input); m && guard < 50_000; m = global.exec(input), guard++) if (m[0] === '') global.lastIndex++;
        const ms = performance.now() - t;
        if (ms > worst.ms) worst = { ms, where };
        if (ms > BOUND_MS) {
          slow.push(`${where} on ${JSON.stringify(input.slice(0, 12))}… (${ms.toFixed(0)} ms)`);
          break; // one slow input condemns the regex; the others would only make the run long
        }
      }
    }
    console.log(
      `      ${regexes.length} regexes × ${inputs.length} inputs in ${(performance.now() - started).toFixed(0)} ms; slowest ${worst.ms.toFixed(1)} ms: ${worst.where}`,
    );
    assert.deepEqual(slow, []);
  });
});
