// The one-pass YAML reader (cfn-yaml-fast.ts) against the `yaml` path it stands in for: wherever it answers, the tree
// and its ranges must deep-equal yaml's conversion, on every YAML file of the corpus, on random edits of them, and on
// the constructs it claims; and what it does not claim it must leave to yaml.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { convertYaml, convertYamlWithLibrary } from '../../server/src/parsers/cfn-yaml';
import { convertYamlFast } from '../../server/src/parsers/cfn-yaml-fast';
import { looksLikeJson } from '../../server/src/parsers/index';
import { walkFiles } from '../../server/src/scan/walk';
import { CORPUS, needsCorpus } from '../harness/corpus';

const y = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** Asserts that the reader takes `text` and gives exactly yaml's conversion. */
function same(text: string): void {
  const fast = convertYamlFast(text);
  assert.ok(fast, `the one-pass reader should take:\n${text}`);
  assert.deepEqual(fast, convertYamlWithLibrary(text));
}

async function corpusYaml(): Promise<Array<{ path: string; text: string }>> {
  const paths = (await walkFiles([CORPUS])).filter((p) => /\.(ya?ml|template)$/i.test(p));
  return paths.map((p) => ({ path: p, text: readFileSync(p, 'utf8') })).filter((f) => !looksLikeJson(f.text));
}

/** A small deterministic generator (an LCG), so a failure names a seed that reproduces it. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

const TOKENS = [
  ' ',
  '\n',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #c',
  "'",
  '"',
  '[',
  ']',
  '{',
  '}',
  ',',
  ', ',
  '!',
  '!Ref ',
  '!Sub ',
  '|',
  '|-',
  '>',
  '>-',
  '&a ',
  '*a',
  '? ',
  '%',
  '@',
  '\\',
  '\\n',
  '---\n',
  '...\n',
  'x',
  '1',
  '0x1',
  '.5',
  'true',
  'null',
  '~',
  '  ',
  '\n\n',
  "''",
  '""',
  'a: b',
  '\n  ',
  '\n- ',
  '<<: ',
];

/** One random edit of the kinds that break YAML subtly: a token, a deletion, a line repeated, moved, re-indented, cut. */
function mutate(text: string, r: (n: number) => number): string {
  const lines = text.split('\n');
  const i = r(lines.length);
  switch (r(7)) {
    case 0: {
      const p = r(text.length + 1);
      return text.slice(0, p) + TOKENS[r(TOKENS.length)]! + text.slice(p);
    }
    case 1: {
      const p = r(text.length);
      return text.slice(0, p) + text.slice(p + 1 + r(4));
    }
    case 2:
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    case 3: {
      const by = r(5) - 2;
      lines[i] = by > 0 ? ' '.repeat(by) + lines[i]! : lines[i]!.slice(Math.min(-by, lines[i]!.length - lines[i]!.trimStart().length));
      return lines.join('\n');
    }
    case 4:
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      return lines.join('\n');
    case 5:
      return text.slice(0, r(text.length));
    default:
      lines.splice(i, 1);
      return lines.join('\n');
  }
}

/** Random documents built from the constructs the reader claims and their near-misses (the generator is the test's). */
function generator(r: (n: number) => number): () => string {
  const pick = <T>(a: readonly T[]): T => a[r(a.length)]!;
  const sp = (n: number): string => ' '.repeat(n);
  const SCALARS = [
    'a',
    'x y',
    '1',
    '-2',
    '+3',
    '0x1F',
    '0o17',
    '1.5',
    '.5',
    '1e3',
    '-.inf',
    '.NaN',
    'true',
    'False',
    'null',
    '~',
    'arn:aws:s3:::b/*',
    'a#b',
    'a:b',
    ':x',
    '?x',
    '-x',
    '"q"',
    "'s'",
    "'it''s'",
    '"a\\tb\\u00e9"',
    '"\\"',
    "''",
    '""',
    '${AWS::Region}',
    'a - b',
    '[x]',
    'x [y]',
    '! x',
    '%x',
    '@x',
    'a,b',
  ];
  const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!GetAZs', '!Condition', '!Equals'];
  const KEYS = ['A', 'Bb', 'Fn::If', 'Ref', '1', 'true', 'null', '"q k"', "'s k'", 'x y', '~', '-k', '2'];
  const comment = (): string => (r(6) === 0 ? ` # c${r(9)}` : '');
  const gap = (ind: number): string => pick(['', '', '', '', '', '\n', `${sp(r(ind + 3))}# note\n`, `${sp(r(4))}\n`]);
  const flow = (depth: number): string => {
    const k = r(depth > 2 ? 2 : 4);
    if (k === 0) return r(8) === 0 ? `x\n${sp(r(12))}${pick(['y', '- z', ':w', '"q"', 'a b'])}` : pick(SCALARS.filter((s) => !/[[\]{},#]/.test(s)));
    if (k === 1) return `${pick(TAGS)} ${r(3) ? pick(['a', 'B.C', "'q'", '"d"', '1', '', '']) : flow(depth + 1)}`;
    if (k === 2) {
      const items = Array.from({ length: r(4) }, () => (r(5) === 0 ? `${pick(['K', '"k"'])}: ${flow(depth + 1)}` : flow(depth + 1)));
      return `[${items.join(r(4) === 0 ? `,\n${sp(20)}` : ', ')}]`;
    }
    const keys = [...new Set(Array.from({ length: r(4) }, () => pick(['a', 'b', '"c"', 'Ref', 'd e'])))];
    return `{${keys.map((key) => `${key}: ${flow(depth + 1)}`).join(', ')}}`;
  };
  const blockScalar = (ind: number): string => {
    const ci = ind + 1 + r(3);
    const lines = Array.from({ length: 1 + r(4) }, (_, i) =>
      pick(['', `${sp(ci + 1 + r(3))}more ${i}`, `${sp(ci)}${pick(['text', 'a: b', '# x', '- x'])}`]),
    );
    return `${pick(['|', '>', '|-', '>-', '|+', '>+'])}${comment()}\n${lines.join('\n')}`;
  };
  const value = (ind: number, depth: number, inMap: boolean): string => {
    const k = r(depth > 3 ? 5 : 9);
    if (k <= 1) {
      const s = pick(SCALARS);
      const more = r(6) === 0 && !/^["']/.test(s) ? `\n${sp(ind + 1 + r(3))}${pick(['cont', 'x: y', '"q"', '- z', 'w #c'])}` : '';
      return ` ${s}${more}${comment()}`;
    }
    if (k === 2) return ` ${flow(0)}${comment()}`;
    if (k === 3) return ` ${pick(TAGS)}${r(4) ? ` ${pick(['a', 'B.C', "'q'", '5', 'true'])}` : ''}${comment()}`;
    if (k === 4) return ` ${blockScalar(ind)}`;
    const tag = r(4) === 0 ? ` ${pick(TAGS)}` : '';
    if (k <= 6) return `${tag}${comment()}\n${seq(inMap && r(3) === 0 ? ind : ind + 1 + r(3), depth + 1)}`;
    return `${tag}${comment()}\n${map(ind + 1 + r(3), depth + 1)}`;
  };
  const map = (ind: number, depth: number, first = true): string => {
    const keys = [...new Set(Array.from({ length: 1 + r(4) }, () => pick(KEYS)))];
    return keys.map((key, i) => `${gap(ind)}${i === 0 && !first ? '' : sp(ind)}${key}:${value(ind, depth, true)}\n`).join('');
  };
  const seq = (ind: number, depth: number): string =>
    Array.from({ length: 1 + r(4) }, () => {
      const k = r(5);
      if (k === 0 && depth < 4) return `${gap(ind)}${sp(ind)}- ${map(ind + 2, depth + 1, false)}`;
      if (k === 1 && depth < 4) return `${gap(ind)}${sp(ind)}- ${seq(ind + 2, depth + 1).trimStart()}`;
      return `${gap(ind)}${sp(ind)}-${value(ind, depth, false)}\n`;
    }).join('');
  return () => (r(5) === 0 ? '---\n' : '') + map(0, 0);
}

describe('one-pass YAML reader', () => {
  it('gives yaml’s tree for the constructs it reads', () => {
    same(y('A: 1', 'B: -2.5e3', 'C: 0x1F', 'D: 0o17', 'E: .inf', 'F: ~', 'G: true', 'H: False', 'I: null', "J: '1'", 'K: "x"', 'L:'));
    same(
      y(
        'Resources:',
        '  B:',
        '    Type: AWS::S3::Bucket # c',
        '    Properties:',
        '      Tags:',
        '      - Key: a',
        '        Value: b',
        '      -   Key: c',
      ),
    );
    same(y('A:', '  - - x', '    - y', '  - - z', '  -', '  - # nothing', '  - ""'));
    same(
      y(
        'A: !Ref B',
        'C: !GetAtt D.Arn',
        'E: !Sub',
        '  - "${X}"',
        '  - X: !Ref Y',
        'F: !If [c, !Ref A, {"Fn::GetAtt": [a, b]}]',
        'G: !Join',
        "  - ''",
        '  - [a, !Ref b]',
      ),
    );
    same(
      y(
        'A: |',
        '  line 1',
        '',
        '    more',
        '  line 3',
        '',
        'B: >-',
        '  folded',
        '  text',
        '',
        '  para',
        '     indented',
        '  end',
        'C: !Sub |',
        '  #!/bin/bash',
        '  echo ${X}',
      ),
    );
    same(
      y(
        'A: plain text',
        '  continued here',
        '',
        '  and a paragraph',
        'B: "double',
        '  quoted \\t \\u00e9 \\',
        '  joined"',
        "C: 'single ''q''",
        '',
        "  second'",
      ),
    );
    same(y('A: {a: 1, "b": [x, y], c: {}}', 'B: [', '    a, # c', '    b', '  ]', 'C: []', "D: [arn:aws:s3:::b/*, 'q', !Ref X]"));
    same(y('---', '# comment', 'A: 1 # trailing', '"quoted key": 2', "'2': 3", '1: 4', 'true: 5', '~: 6'));
  });

  it('gives yaml’s tree for the less common forms it reads', () => {
    same(
      y(
        'A: |+',
        '  x',
        '',
        'B: !GetAZs',
        'C: [a, Ref: X, "k": !Ref Y]',
        'D: x',
        '  "y" [z]',
        'E: :root',
        'F: !Join',
        '- a',
        'G: {',
        '    a: 1',
        '  }',
        'H: !Ref 5',
        'I: [a, !GetAZs , !GetAZs ]',
        'J: [x',
        '    y, z]',
      ),
    );
    same('A: 1\r\nB:\r\n  - |\r\n    x\r\n\r\n  - "a\r\n    b"\r\n');
  });

  it('leaves to yaml what it does not read, and convertYaml still answers', () => {
    const left = [
      y('A: &x 1', 'B: *x'), // anchors and aliases
      y('A: 1', '---', 'B: 2'), // several documents
      y('A:', '\t- 1'), // a tab
      'A: 1\rB: 2\n', // a CR on its own
      y('A: 1', 'A: 2'), // a duplicate key
      y('A: 1', '1: 2', '"1": 3'), // keys yaml tells apart and the model would not
      y('A: a: b'), // a mapping in a compact value
      y('A: !Unknown x'), // a tag that is not an intrinsic
      y('? a', ': b'), // a complex key
      y('A: |2', '   x'), // an explicit indentation indicator
      y('A: "x"#c'), // a comment without white space
      y('A:', '- a', ' - b'), // uneven sequence
      y('A: [a', 'b]'), // a flow collection not indented past its key
      y('- a'), // a root that is not a map
      '',
    ];
    for (const text of left) {
      assert.equal(convertYamlFast(text), undefined, text);
      assert.deepEqual(convertYaml(text), convertYamlWithLibrary(text));
    }
  });

  it('gives yaml’s tree for every YAML file of the corpus it reads, and reads most of them', async function () {
    needsCorpus(this);
    const files = await corpusYaml();
    let read = 0;
    for (const f of files) {
      const fast = convertYamlFast(f.text);
      if (!fast) continue;
      read++;
      assert.deepEqual(fast, convertYamlWithLibrary(f.text), path.relative(CORPUS, f.path));
    }
    assert.ok(files.length > 400, `${files.length} YAML files`);
    assert.ok(read >= files.length * 0.85, `read ${read} of ${files.length}`);
  });

  for (const seed of [1, 2]) {
    it(`gives yaml’s tree for generated documents (seed ${seed})`, function () {
      this.timeout(120_000);
      const r = random(seed);
      const next = generator(r);
      let read = 0;
      for (let k = 0; k < 2000; k++) {
        // Every third document with Windows line ends: read as LF, ranges moved back onto the CRs.
        const text = r(3) === 0 ? next().replace(/\n/g, '\r\n') : next();
        const fast = convertYamlFast(text);
        if (!fast) continue;
        read++;
        assert.deepEqual(fast, convertYamlWithLibrary(text), JSON.stringify(text));
      }
      assert.ok(read > 300, `read ${read} generated texts`);
    });
  }

  for (const seed of [1, 2, 3]) {
    it(`gives yaml’s tree for random edits of corpus files it still reads (seed ${seed})`, async function () {
      needsCorpus(this);
      this.timeout(120_000);
      const files = await corpusYaml();
      const r = random(seed);
      let read = 0;
      for (let k = 0; k < 2500; k++) {
        let text = files[r(files.length)]!.text;
        // A window of a file makes each edit matter more.
        if (r(2) === 0) {
          const lines = text.split('\n');
          const at = r(lines.length);
          text = lines.slice(at, at + 5 + r(40)).join('\n');
        }
        for (let m = 1 + r(3); m > 0; m--) text = mutate(text, r);
        const fast = convertYamlFast(text);
        if (!fast) continue;
        read++;
        assert.deepEqual(fast, convertYamlWithLibrary(text), JSON.stringify(text));
      }
      assert.ok(read > 200, `read ${read} edited texts`);
    });
  }
});
