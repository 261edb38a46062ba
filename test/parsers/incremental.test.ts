// Incremental parsing of open buffers: over sequences of random edits, every version's document and lint must equal
// a from-scratch parse and lint of the same text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintDocument, lintText } from '../../server/src/engine/lint/lint';
import type { IacDocument } from '../../server/src/model/document';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { diffSpan } from '../../server/src/parsers/text-change';
import { JsonSplice } from '../../server/src/parsers/cfn-json-splice';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { YamlPieces } from '../../server/src/parsers/cfn-yaml-chunks';
import { cfnJson, cfnYaml, tfFile } from '../../scripts/bench/generate';
import { CORPUS, needsCorpus } from '../harness/corpus';
import { random } from '../harness/random';

// What typing does to Terraform: values, whole lines, brackets that break the syntax for a while, non-ASCII text.
const TF_INSERTS = [' ', 'x', '\n', '"', '{', '}', '= true', '0.0.0.0/0', '# note\n', 'é', '日本', '😀', '  encrypted = false\n', ']', '${var.a}'];

// And to YAML: indentation, keys, comments, tags, anchors and aliases, document markers, tabs, quotes.
const YAML_INSERTS = [
  ' ',
  '  ',
  'x',
  '\n',
  '\n  ',
  '\n    Extra: 1',
  ':',
  '# c',
  '\n# c\n',
  '!Ref Env',
  'Encrypted: false',
  '"',
  "'",
  '&a ',
  '*a',
  '\n---\n',
  '\t',
  '- ',
  '[',
  'é',
  '😀',
  '\n  Twin:\n    Type: AWS::S3::Bucket\n',
];

function randomEdit(text: string, next: () => number, INSERTS: readonly string[]): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.45) return text.slice(0, at) + (INSERTS[Math.floor(next() * INSERTS.length)] as string) + text.slice(at);
  if (roll < 0.85) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  const from = Math.floor(next() * text.length); // a paste: a piece of the file elsewhere
  return text.slice(0, at) + text.slice(from, from + Math.floor(next() * 200)) + text.slice(at);
}

/** Mostly what typing in a value does (characters typed or deleted after a `key: `), sometimes any random edit. */
function yamlEdit(text: string, next: () => number): string {
  if (next() < 0.4) return randomEdit(text, next, YAML_INSERTS);
  const values = [...text.matchAll(/: (?=\S)/g)];
  const at = (values[Math.floor(next() * values.length)]?.index ?? 0) + 2 + Math.floor(next() * 4);
  if (next() < 0.5) return text.slice(0, at) + 'xyz0:/ '.charAt(Math.floor(next() * 7)) + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}

/** A document without its functions and cycles, comparable with deepEqual. */
const plain = (doc: IacDocument | undefined) => JSON.parse(JSON.stringify(doc ?? null)) as unknown;
const findings = (uri: string, text: string, doc: IacDocument | undefined) =>
  JSON.stringify(doc ? lintDocument(doc).findings : lintText(uri, text).findings);

describe('incremental parsing of open buffers', () => {
  before(() => initParsers());

  it('finds the one span that changed', () => {
    assert.deepEqual(diffSpan('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(diffSpan('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(diffSpan('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(diffSpan('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
  });

  it('finds the same span as a character-by-character comparison in long texts, edits at any distance from block edges', () => {
    const naive = (before: string, after: string) => {
      const max = Math.min(before.length, after.length);
      let start = 0;
      while (start < max && before[start] === after[start]) start++;
      let suffix = 0;
      while (suffix < max - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
    };
    const next = random(7);
    for (let i = 0; i < 400; i++) {
      // Repetitive text, so that a shifted comparison would find false matches.
      const base = 'ab'.repeat(200 + Math.floor(next() * 600));
      const at = Math.floor(next() * (base.length + 1));
      const cut = Math.floor(next() * 3) * (next() < 0.5 ? 1 : 256);
      const insert = ['', 'a', 'b', 'ab', 'ba', 'x'.repeat(300)][Math.floor(next() * 6)] as string;
      const after = base.slice(0, at) + insert + base.slice(at + cut);
      assert.deepEqual(diffSpan(base, after), naive(base, after), `case ${i}`);
      assert.deepEqual(diffSpan(after, base), naive(after, base), `case ${i} reversed`);
    }
  });

  for (const seed of [1, 2, 3]) {
    it(`Terraform: 40 random edits (seed ${seed}) parse and lint as from scratch`, () => {
      const next = random(seed);
      const uri = 'file:///module/main.tf';
      const parser = new IncrementalParser(uri);
      let text = tfFile(6_000);
      try {
        for (let step = 0; step < 40; step++) {
          text = randomEdit(text, next, TF_INSERTS);
          const incremental = parser.parse(text);
          const fresh = parseDocument(uri, text);
          assert.deepEqual(plain(incremental), plain(fresh), `seed ${seed}, step ${step}: document differs`);
          assert.equal(findings(uri, text, incremental), findings(uri, text, fresh), `seed ${seed}, step ${step}: findings differ`);
        }
      } finally {
        parser.dispose();
      }
    });
  }

  /**
   * Edits a template `steps` times from `base`, going back to `base` every fourth step (a tab, an anchor or a brace
   * typed once would otherwise send every later version down the whole parse, and the shortcut is what is under
   * test), and checks each version against a from-scratch parse and lint. Returns how many versions took the shortcut.
   */
  function editSequence(
    uri: string,
    base: string,
    steps: number,
    edit: (text: string) => string,
    tookShortcut: (parser: IncrementalParser) => boolean,
    label: string,
  ): number {
    const parser = new IncrementalParser(uri);
    let text = base;
    let shortcuts = 0;
    for (let step = 0; step < steps; step++) {
      text = edit(step % 4 === 0 ? base : text);
      const incremental = parser.parse(text);
      if (tookShortcut(parser)) shortcuts++;
      const fresh = parseDocument(uri, text);
      assert.deepEqual(plain(incremental), plain(fresh), `${label}, step ${step}: document differs`);
      assert.equal(findings(uri, text, incremental), findings(uri, text, fresh), `${label}, step ${step}: findings differ`);
    }
    return shortcuts;
  }

  /** What typing in a valid Terraform file mostly does: characters in a value or at a line end, blank lines, comments. */
  function tfTyping(text: string, next: () => number): string {
    const roll = next();
    if (roll < 0.25) return randomEdit(text, next, TF_INSERTS); // anything, often breaking the syntax for a while
    const lines = text.split('\n');
    const line = Math.floor(next() * lines.length);
    const l = lines[line] as string;
    if (roll < 0.45) lines[line] = `${l}${[' ', ' # c', '  '][Math.floor(next() * 3)]}`;
    else if (roll < 0.65) {
      const quote = l.indexOf('"');
      lines[line] = quote < 0 ? `${l} ` : `${l.slice(0, quote + 1)}${'xé9-'.charAt(Math.floor(next() * 4))}${l.slice(quote + 1)}`;
    } else if (roll < 0.8) lines.splice(line, 0, ['', '# note', '// note', '/* c */'][Math.floor(next() * 4)] as string);
    else if (roll < 0.9) lines.splice(line, 0, 'resource "aws_s3_bucket" "typed" {', '  bucket = "t"', '}');
    else if (l.trim() === '') lines.splice(line, 1);
    else lines[line] = l.replace(/= (true|false)/, (m) => (m === '= true' ? '= false' : '= true'));
    return lines.join('\n');
  }

  for (const seed of [31, 32, 33]) {
    it(`Terraform: typing re-parses only the blocks it touched, as from scratch (seed ${seed})`, () => {
      const next = random(seed);
      const uri = 'file:///module/main.tf';
      const parser = new IncrementalParser(uri);
      const base = tfFile(20_000);
      let text = base;
      let spliced = 0;
      for (let step = 0; step < 60; step++) {
        text = tfTyping(step % 6 === 0 ? base : text, next);
        const incremental = parser.parse(text);
        const length = parser.lastHclParsedLength();
        if (length !== undefined) spliced++;
        // (A version back to the base differs from its predecessor over all the edits since.)
        if (length !== undefined && step % 6 !== 0) {
          assert.ok(length < text.length / 4, `seed ${seed}, step ${step}: re-read ${length} of ${text.length} characters`);
        }
        const fresh = parseDocument(uri, text);
        assert.deepEqual(plain(incremental), plain(fresh), `seed ${seed}, step ${step}: document differs`);
        assert.equal(findings(uri, text, incremental), findings(uri, text, fresh), `seed ${seed}, step ${step}: findings differ`);
      }
      assert.ok(spliced >= 20, `only ${spliced} of 60 versions re-parsed part of the file`);
    });
  }

  it('Terraform: an edit that opens a string, heredoc, comment or brace re-parses the whole file', () => {
    const uri = 'file:///m/main.tf';
    const base = tfFile(4_000);
    const at = base.indexOf('\n}\n', base.length / 2) + 3;
    for (const typed of ['"', '<<EOF\n', '/*', '{', 'x = [', 'resource "a" "b" {']) {
      const parser = new IncrementalParser(uri);
      parser.parse(base);
      const text = `${base.slice(0, at)}${typed}${base.slice(at)}`;
      assert.deepEqual(plain(parser.parse(text)), plain(parseDocument(uri, text)), JSON.stringify(typed));
      assert.equal(parser.lastHclParsedLength(), undefined, `${JSON.stringify(typed)} takes the whole parse`);
      // And the version after it, with the syntax repaired, parses whole too (its predecessor had errors).
      assert.deepEqual(plain(parser.parse(base)), plain(parseDocument(uri, base)));
    }
  });

  for (const seed of [11, 12, 13]) {
    it(`CloudFormation YAML: 50 random edits (seed ${seed}) parse and lint as from scratch`, () => {
      const next = random(seed);
      const uri = 'file:///stack/template.yaml';
      const piecewise = editSequence(
        uri,
        cfnYaml(300),
        50,
        (t) => yamlEdit(t, next),
        (p) => p.lastYamlPieces() !== undefined,
        `seed ${seed}`,
      );
      assert.ok(piecewise >= 15, `only ${piecewise} of 50 versions took the piecewise parse`);
    });
  }

  // What typing in a JSON template does: values and keys, quotes and brackets that break it for a while, commas.
  const JSON_INSERTS = [
    ' ',
    'x',
    '\n',
    '"',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"Encrypted": false,',
    '0',
    'é',
    '😀',
    '{"Ref": "Env"}',
    '\\',
    '"A": 1, "A": 2,',
  ];

  /** Mostly typing inside a string value, sometimes any random edit. */
  function jsonEdit(text: string, next: () => number): string {
    if (next() < 0.4) return randomEdit(text, next, JSON_INSERTS);
    const values = [...text.matchAll(/": "(?=[^"])/g)];
    const at = (values[Math.floor(next() * values.length)]?.index ?? 0) + 4 + Math.floor(next() * 3);
    if (next() < 0.5) return text.slice(0, at) + 'xyz0:/ '.charAt(Math.floor(next() * 7)) + text.slice(at);
    return text.slice(0, at) + text.slice(at + 1);
  }

  for (const seed of [21, 22, 23]) {
    it(`CloudFormation JSON: 60 random edits (seed ${seed}) parse and lint as from scratch`, () => {
      const next = random(seed);
      const uri = 'file:///stack/template.json';
      const spliced = editSequence(
        uri,
        cfnJson(400),
        60,
        (t) => jsonEdit(t, next),
        (p) => p.lastJsonSpliced(),
        `seed ${seed}`,
      );
      assert.ok(spliced >= 10, `only ${spliced} of 60 versions replaced one resource`);
    });
  }

  it('replaces only the JSON resource an edit lies in, and parses the whole text otherwise', () => {
    const splice = new JsonSplice();
    const text = cfnJson(300);
    splice.convert(text);
    assert.equal(splice.lastSpliced, false, 'the first version parses the whole text');
    const at = text.indexOf('"Type": "', text.indexOf('"Resources"')) + '"Type": "'.length;
    const typed = `${text.slice(0, at)}X${text.slice(at)}`;
    splice.convert(typed);
    assert.equal(splice.lastSpliced, true, 'a character typed in a value replaces its resource');
    const open = text.indexOf('{', text.indexOf('"Resources"') + 12);
    splice.convert(`${typed.slice(0, open)}${typed.slice(open + 1)}`);
    assert.equal(splice.lastSpliced, false, "deleting a resource's opening brace takes the whole parse");
    splice.convert(typed);
    assert.equal(splice.lastSpliced, false, 'after a broken version the next one parses the whole text');
    const quote = typed.indexOf('"', at);
    splice.convert(`${typed.slice(0, quote)}${typed.slice(quote + 1)}`);
    assert.equal(splice.lastSpliced, false, 'an unterminated string in the resource takes the whole parse');
  });

  it('real templates: random edits parse as from scratch', function () {
    this.timeout(60_000);
    needsCorpus(this, 'realworld/aws-cloudformation-templates');
    const root = path.join(CORPUS, 'realworld/aws-cloudformation-templates');
    const all = readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
    const templates = [...all.filter((f) => /\.ya?ml$/.test(f)).slice(0, 16), ...all.filter((f) => /\.json$/.test(f)).slice(0, 8)];
    const next = random(7);
    let piecewise = 0;
    for (const file of templates) {
      const base = readFileSync(path.join(root, file), 'utf8');
      const uri = `file:///stack/${path.basename(file)}`;
      const parser = new IncrementalParser(uri);
      let text = base;
      for (let step = 0; step < 12; step++) {
        const json = file.endsWith('.json');
        text = (json ? jsonEdit : yamlEdit)(step % 4 === 0 ? base : text, next);
        const incremental = parser.parse(text);
        if (json ? parser.lastJsonSpliced() : parser.lastYamlPieces() !== undefined) piecewise++;
        assert.deepEqual(plain(incremental), plain(parseDocument(uri, text)), `${file}, step ${step}: document differs`);
      }
    }
    assert.ok(piecewise >= templates.length * 3, `only ${piecewise} versions took the piecewise parse`);
  });

  it('re-parses only the YAML resource an edit touched, and the whole text when the shape is unusual', () => {
    const pieces = new YamlPieces();
    const text = cfnYaml(500);
    pieces.convert(text);
    const resources = pieces.lastParsed ?? 0;
    assert.ok(resources > 20, `the first version parses every piece (${resources})`);
    const at = text.indexOf('Size: ');
    pieces.convert(`${text.slice(0, at)}Size: 9${text.slice(at + 'Size: '.length)}`);
    assert.equal(pieces.lastParsed, 1);
    pieces.convert(text);
    assert.equal(pieces.lastParsed, 1, 'undoing the edit re-parses that resource');
    pieces.convert(`${text}Outputs:\n  Out:\n    Value: !Ref Environment\n`);
    assert.equal(pieces.lastParsed, 1, 'a new top-level section re-parses the rest of the template only');
    pieces.convert(text.replace('Resources:', 'Shared: &tags\n  Owner: me\nResources:'));
    assert.equal(pieces.lastParsed, undefined, 'anchors take the full parse');
  });

  it('parses other formats afresh, and a disposed buffer from scratch', () => {
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n';
    assert.deepEqual(plain(new IncrementalParser('file:///t.yaml').parse(yaml)), plain(parseDocument('file:///t.yaml', yaml)));
    const uri = 'file:///m/main.tf';
    const parser = new IncrementalParser(uri);
    parser.parse('resource "aws_s3_bucket" "a" {}\n');
    parser.dispose();
    const text = 'resource "aws_ebs_volume" "v" {\n  encrypted = false\n}\n';
    assert.deepEqual(plain(parser.parse(text)), plain(parseDocument(uri, text)));
    parser.dispose();
  });
});
