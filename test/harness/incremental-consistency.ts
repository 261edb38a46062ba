// The random-edit consistency harness: what the language server computes incrementally (per-document incremental
// parser, lint cache reused across versions, module siblings, input values and settings that change between
// keystrokes) must equal a fresh lint of the same texts, findings, parse errors and quick fixes alike, after every
// edit. Shared by the short seeded run in `npm test` and `npm run fuzz:incremental -- --seed N --steps N`.
//
// The edits: typed tokens, deletions, meaningful value swaps, syntax broken then repaired, undo to an earlier
// version, an on-disk tfvars / parameter file changing, and settings changing; over a CloudFormation YAML template,
// a JSON one, and a multi-file Terraform module.
import { lintDocument } from '../../server/src/engine/lint/lint';
import { LintCache } from '../../server/src/engine/lint/lint-cache';
import type { EngineConfig, Finding, LintResult } from '../../server/src/engine/types';
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode } from '../../server/src/model/nodes';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { parseDocument } from '../../server/src/parsers/index';
import { parseTfvars } from '../../server/src/parsers/tfvars';
import { parseParameterFile } from '../../server/src/scan/input-values';
import { cfnJson, cfnYaml, tfModule } from '../../scripts/bench/generate';
import { random } from './random';

export interface Difference {
  step: number;
  subject: string;
  file: string;
  edit: string;
  incremental: string;
  fresh: string;
}

export interface ConsistencyRun {
  steps: number;
  /** Edits by kind, to show the run exercised each. */
  edits: Record<string, number>;
  differences: Difference[];
}

/** Words whose swap changes what rules decide. */
const SWAPS: readonly [string, string][] = [
  ['true', 'false'],
  ['true', 'yes'],
  ['Enabled', 'Suspended'],
  ['0.0.0.0/0', '10.0.0.0/8'],
  ['"optional"', '"required"'],
  ['AES256', 'aws:kms'],
  ['EnableKeyRotation: true', 'EnableKeyRotation: false'],
  ['encrypted = true', 'encrypted = false'],
  ['22', '443'],
  ['prod', 'dev'],
  ['StorageEncrypted', 'StorageEncrypt'],
  ['Type: AWS::S3::Bucket', 'Type: AWS::SQS::Queue'],
  ['aws_s3_bucket', 'aws_sqs_queue'],
];
/** Tokens typed anywhere: each syntax's punctuation, intrinsics, YAML document-level syntax. */
const TOKENS: readonly string[] = [
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '#',
  '!Ref ',
  '!Sub "${',
  '${',
  'var.',
  'local.',
  '= ',
  '<<EOF\n',
  '\nEOF\n',
  '|+\n',
  '---\n',
  '%YAML 1.1\n',
  '&a ',
  '*a',
  'x',
  ' ',
  '\t',
];
const CONFIGS: readonly EngineConfig[] = [
  { rules: {}, requiredTags: [] },
  { rules: { 'asset-tags': 'on', 's3-versioning': 'off' }, requiredTags: ['Owner'], unresolved: 'info' },
  { rules: { 'sg-open-ssh': 'critical' }, requiredTags: [] },
];

interface FileState {
  name: string;
  uri: string;
  text: string;
  history: string[];
  parser: IncrementalParser;
  cache: LintCache;
  last?: { text: string; doc: IacDocument | undefined; error?: unknown };
}

interface Subject {
  name: string;
  files: FileState[];
  /** The on-disk inputs file (tfvars or parameter file) and its values, a new map only when its text changes. */
  inputs: { text: string; values: ReadonlyMap<string, IacNode> | undefined; alternatives: readonly string[] };
  read(text: string): ReadonlyMap<string, IacNode> | undefined;
}

function fileState(dir: string, name: string, text: string): FileState {
  const uri = `file:///fuzz/${dir}/${name}`;
  return { name, uri, text, history: [text], parser: new IncrementalParser(uri), cache: new LintCache() };
}

function subjects(): Subject[] {
  const readParams = (text: string) => {
    try {
      return parseParameterFile(text, 'params.json');
    } catch {
      return undefined;
    }
  };
  const readVars = (text: string) => parseTfvars('terraform.tfvars', text);
  const params = [
    '{"Parameters": {"Environment": "prod"}}',
    '{"Parameters": {"Environment": "dev", "DbPassword": "hunter2"}}',
    '[{"ParameterKey": "Environment", "ParameterValue": "test"}]',
    '{oops',
  ];
  const vars = ['environment = "prod"\n', 'environment = "dev"\ndb_password = "hunter2"\n', 'environment = ["a", "b"]\n', 'environment = \n'];
  return [
    {
      name: 'cfn-yaml',
      files: [fileState('yaml', 'template.yaml', cfnYaml(140))],
      inputs: { text: params[0] as string, values: readParams(params[0] as string), alternatives: params },
      read: readParams,
    },
    {
      name: 'cfn-json',
      files: [fileState('json', 'template.json', cfnJson(160))],
      inputs: { text: params[0] as string, values: readParams(params[0] as string), alternatives: params },
      read: readParams,
    },
    {
      name: 'tf-module',
      files: tfModule(3, 1800).map((f) => fileState('tf', f.name, f.text)),
      inputs: { text: vars[0] as string, values: readVars(vars[0] as string), alternatives: vars },
      read: readVars,
    },
  ];
}

/** Findings, errors and every fix's edits, as comparable text. */
function summarize(result: LintResult): string {
  const finding = (f: Finding) => [
    f.ruleId,
    f.severity,
    f.message,
    f.range.start,
    f.range.end,
    f.suppressed ?? null,
    (f.related ?? []).map((r) => [r.uri, r.range.start, r.range.end, r.message]),
    f.fixes.map((x) => [x.title, x.safety, x.edits.map((e) => [e.start, e.end, e.newText])]),
  ];
  return JSON.stringify([
    result.findings.map(finding),
    result.errors.map((e) => [e.message, e.range.start, e.range.end]),
    result.ruleFailures.map((r) => r.ruleId),
  ]);
}

/** The incremental side: each file parsed by its own parser once per text, linted through its own cache. */
function incrementalDoc(file: FileState): IacDocument | undefined {
  if (file.last?.text !== file.text) {
    try {
      file.last = { text: file.text, doc: file.parser.parse(file.text) };
    } catch (error) {
      file.last = { text: file.text, doc: undefined, error };
    }
  }
  return file.last.doc;
}

function lintBoth(subject: Subject, config: EngineConfig): { file: string; incremental: string; fresh: string }[] {
  const incrementalDocs = subject.files.map(incrementalDoc);
  const freshDocs = subject.files.map((f) => {
    try {
      return parseDocument(f.uri, f.text);
    } catch {
      return undefined;
    }
  });
  const terraform = subject.name.startsWith('tf');
  return subject.files.map((file, i) => {
    const run = (docs: (IacDocument | undefined)[], cache?: LintCache) => {
      const doc = docs[i];
      if (!doc) return 'no document';
      try {
        const module = terraform ? docs.filter((d): d is IacDocument => d !== undefined) : [];
        return summarize(lintDocument(doc, { config, module, inputValues: subject.inputs.values, ...(cache ? { cache } : {}) }));
      } catch (err) {
        return `threw ${err instanceof Error ? err.message : String(err)}`;
      }
    };
    return { file: file.name, incremental: run(incrementalDocs, file.cache), fresh: run(freshDocs) };
  });
}

/** One random edit of a subject; returns its kind and a short description. */
function edit(subject: Subject, next: () => number, state: { config: EngineConfig; broken: Map<FileState, string> }): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const file = pick(subject.files);
  const setText = (text: string) => {
    file.text = text;
    file.history.push(text);
    if (file.history.length > 40) file.history.shift();
  };
  // A file broken on an earlier step is repaired first, as a user finishing a token would.
  const broken = state.broken.get(file);
  if (broken !== undefined && next() < 0.7) {
    state.broken.delete(file);
    setText(broken);
    return 'repair';
  }
  const r = next();
  const at = Math.floor(next() * (file.text.length + 1));
  if (r < 0.3) {
    const token = pick(TOKENS);
    setText(file.text.slice(0, at) + token + file.text.slice(at));
    return 'type';
  }
  if (r < 0.42) {
    const length = 1 + Math.floor(next() * 12);
    setText(file.text.slice(0, at) + file.text.slice(at + length));
    return 'delete';
  }
  if (r < 0.6) {
    const [a, b] = pick(SWAPS);
    const [from, to] = next() < 0.5 ? [a, b] : [b, a];
    const hits: number[] = [];
    for (let i = file.text.indexOf(from); i !== -1 && hits.length < 50; i = file.text.indexOf(from, i + 1)) hits.push(i);
    if (hits.length === 0) return edit(subject, next, state);
    const hit = pick(hits);
    setText(file.text.slice(0, hit) + to + file.text.slice(hit + from.length));
    return 'swap';
  }
  if (r < 0.72) {
    // Break: cut a line in half (an unclosed string, heredoc or bracket follows), to be repaired later.
    const before = file.text;
    state.broken.set(file, before);
    setText(before.slice(0, at) + pick(['"', '{', '[', '<<EOF\n', '\n  - ', ': |\n']) + before.slice(at));
    return 'break';
  }
  if (r < 0.76 && file.name.endsWith('.yaml')) {
    // What a YAML document means beyond a resource's text: a version directive, document markers, keep chomping.
    const [marker, place] = pick([
      ['%YAML 1.1\n---\n', 'start'],
      ['---\n', 'start'],
      ['...\n', 'end'],
      ['---\nResources: {}\n', 'end'],
      ['|+', 'value'],
    ] as const);
    if (place === 'start') setText(file.text.startsWith(marker) ? file.text.slice(marker.length) : marker + file.text);
    else if (place === 'end') setText(file.text.endsWith(marker) ? file.text.slice(0, -marker.length) : file.text + marker);
    else {
      const description = file.text.indexOf('Description: ', at);
      if (description === -1) return edit(subject, next, state);
      const end = file.text.indexOf('\n', description);
      setText(`${file.text.slice(0, description)}Description: |+\n        text${file.text.slice(end)}\n`);
    }
    return 'yaml-document';
  }
  if (r < 0.8 && file.history.length > 2) {
    // Undo: back to an earlier version, as the editor's undo stack would.
    const back = Math.min(file.history.length - 1, 1 + Math.floor(next() * 5));
    file.history.splice(file.history.length - back);
    file.text = file.history.at(-1) as string;
    state.broken.delete(file);
    return 'undo';
  }
  if (r < 0.9) {
    const text = pick(subject.inputs.alternatives);
    if (text !== subject.inputs.text) subject.inputs = { ...subject.inputs, text, values: subject.read(text) };
    return 'inputs-file';
  }
  state.config = pick(CONFIGS);
  return 'settings';
}

/** Runs `steps` random edits (spread over the subjects) with `seed`, comparing after each. */
export function runConsistency(options: {
  seed: number;
  steps: number;
  onProgress?: (step: number, differences: number) => void;
  maxDifferences?: number;
}): ConsistencyRun {
  const next = random(options.seed);
  const all = subjects();
  const state = { config: CONFIGS[0] as EngineConfig, broken: new Map<FileState, string>() };
  const edits: Record<string, number> = {};
  const differences: Difference[] = [];
  let step = 0;
  for (; step < options.steps; step++) {
    const subject = all[step % all.length] as Subject;
    const kind = edit(subject, next, state);
    edits[kind] = (edits[kind] ?? 0) + 1;
    // A file that grew or shrank far from a template's size is reset, so a long run stays realistic.
    for (const f of subject.files) if (f.text.length > 60_000 || f.text.length < 200) f.text = f.history[0] as string;
    for (const d of lintBoth(subject, state.config)) {
      if (d.incremental !== d.fresh)
        differences.push({ step, subject: subject.name, file: d.file, edit: kind, incremental: d.incremental, fresh: d.fresh });
    }
    options.onProgress?.(step + 1, differences.length);
    if (options.maxDifferences !== undefined && differences.length >= options.maxDifferences) {
      step++;
      break;
    }
  }
  return { steps: step, edits, differences };
}
