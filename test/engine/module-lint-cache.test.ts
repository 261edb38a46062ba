// Random edits over a multi-directory workspace with module calls: a lint through the language server's per-instance
// lint caches must equal a lint from scratch at every step (findings, messages, ranges, related places, fixes), for
// the child module's buffer and for a caller's, whatever was edited (caller, child, tfvars, module blocks added/removed).
// The same for a CloudFormation parent template and the child its nested stacks deploy (YAML and JSON).
import assert from 'node:assert/strict';
import { LintCache } from '../../server/src/engine/lint/lint-cache';
import { instanceCacheKey, ModuleGraph, type CompositionGraph, type ModuleDir } from '../../server/src/engine/modules/module-graph';
import { lintDocumentWithModules } from '../../server/src/engine/modules/module-lint';
import type { IacDocument } from '../../server/src/model/document';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { parseTfvars } from '../../server/src/parsers/tfvars';
import { random } from '../harness/random';
import { stringify as stringifyYaml } from 'yaml';
import { StackGraph } from '../../server/src/engine/modules/stack-graph';

type Files = Record<string, string>;
type Edit = (files: Files, next: () => number) => void;

const swap =
  (file: string, from: string, to: string): Edit =>
  (files) => {
    if (files[file]?.includes(from)) files[file] = (files[file] as string).replace(from, to);
  };
const toggle =
  (file: string, piece: string): Edit =>
  (files) => {
    const text = files[file] ?? '';
    files[file] = text.includes(piece) ? text.replace(piece, '') : text + piece;
  };
const keystroke =
  (file: string): Edit =>
  (files, next) => {
    const text = files[file] ?? '';
    const at = Math.floor(next() * (text.length + 1));
    files[file] =
      next() < 0.5 ? text.slice(0, at) + ' x=1\n"{}'.charAt(Math.floor(next() * 8)) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  };

const CHILD = '/w/modules/db/main.tf';
const ROOT = '/w/root/main.tf';
const OTHER = '/w/other/main.tf';
const TFVARS = '/w/root/terraform.tfvars';

const START: Files = {
  [CHILD]: `variable "storage_encrypted" {\n  default = false\n}\n\nvariable "deletion_protection" {\n  default = true\n}\n\nvariable "retention" {\n  default = 7\n}\n\nresource "aws_db_instance" "this" {\n  engine              = "mysql"\n  storage_encrypted   = var.storage_encrypted\n  deletion_protection = var.deletion_protection\n}\n\nresource "aws_cloudwatch_log_group" "this" {\n  name              = "db"\n  retention_in_days = var.retention\n}\n`,
  [ROOT]: `variable "enc" {\n  default = true\n}\n\nmodule "db" {\n  source            = "../modules/db"\n  storage_encrypted = var.enc\n  retention         = 365\n}\n\nmodule "replica" {\n  source              = "../modules/db"\n  count               = 2\n  storage_encrypted   = false\n  deletion_protection = false\n}\n`,
  [OTHER]: `module "db" {\n  source            = "../modules/db"\n  storage_encrypted = true\n}\n`,
  [TFVARS]: 'enc = false\n',
};

const EDITS: Edit[] = [
  keystroke(CHILD),
  keystroke(ROOT),
  swap(CHILD, 'default = false', 'default = true'),
  swap(CHILD, 'default = true', 'default = false'),
  swap(CHILD, 'storage_encrypted   = var.storage_encrypted', 'storage_encrypted   = true'),
  swap(CHILD, 'storage_encrypted   = true', 'storage_encrypted   = var.storage_encrypted'),
  swap(ROOT, 'storage_encrypted   = false', 'storage_encrypted   = true'),
  swap(ROOT, 'storage_encrypted   = true', 'storage_encrypted   = false'),
  swap(ROOT, 'count               = 2', 'count               = 0'),
  swap(ROOT, 'count               = 0', 'count               = 2'),
  swap(ROOT, 'retention         = 365', 'retention         = 30'),
  swap(ROOT, 'retention         = 30', 'retention         = 365'),
  swap(TFVARS, 'enc = false', 'enc = true'),
  swap(TFVARS, 'enc = true', 'enc = false'),
  swap(OTHER, '= true', '= false'),
  swap(OTHER, '= false', '= true'),
  toggle(ROOT, '\nmodule "extra" {\n  source = "../modules/db"\n  retention = 1\n}\n'),
  toggle(OTHER, '\nmodule "second" {\n  source = "../modules/db"\n  deletion_protection = false\n}\n'),
  toggle(CHILD, '\nresource "aws_db_instance" "extra" {\n  engine = "mysql"\n  storage_encrypted = var.storage_encrypted\n}\n'),
];

/** `parsed`: the parses kept between steps, as the server keeps them (an unchanged file keeps its parse). */
function graphOf(
  files: Files,
  parsed?: Map<string, { text: string; doc: IacDocument | undefined }>,
): { graph: ModuleGraph; docs: Map<string, IacDocument> } {
  const docs = new Map<string, IacDocument>();
  const dirs = new Map<string, ModuleDir>();
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.tf')) continue;
    const kept = parsed?.get(path);
    const doc = kept && kept.text === text ? kept.doc : parseDocument(path, text);
    parsed?.set(path, { text, doc });
    if (!doc) continue;
    docs.set(path, doc);
    const dir = path.slice(0, path.lastIndexOf('/'));
    const d = dirs.get(dir) ?? { dir, docs: [], tfvars: new Map() };
    dirs.set(dir, { ...d, docs: [...d.docs, doc] });
  }
  const root = dirs.get('/w/root');
  if (root) dirs.set('/w/root', { ...root, tfvars: parseTfvars(TFVARS, files[TFVARS] ?? '') });
  return { graph: new ModuleGraph(dirs), docs };
}

function snapshot(graph: CompositionGraph, doc: IacDocument, cacheFor?: (key: string) => LintCache): string {
  const result = lintDocumentWithModules(graph, doc, { cacheFor: cacheFor ? (i) => cacheFor(instanceCacheKey(i)) : () => undefined });
  return JSON.stringify({ findings: result.findings, failures: result.ruleFailures });
}

describe('module calls: cached lints equal lints from scratch over random edits', () => {
  before(() => initParsers());

  for (const seed of [11, 12, 13]) {
    it(`80 edits of callers, child, tfvars and module blocks (seed ${seed})`, () => {
      const next = random(seed);
      const files = { ...START };
      const caches = new Map<string, Map<string, LintCache>>();
      const cacheFor = (buffer: string) => (key: string) => {
        let byKey = caches.get(buffer);
        if (!byKey) caches.set(buffer, (byKey = new Map()));
        let cache = byKey.get(key);
        if (!cache) byKey.set(key, (cache = new LintCache()));
        return cache;
      };
      const parsed = new Map<string, { text: string; doc: IacDocument | undefined }>();
      let reused = 0;
      let findings = 0;
      for (let step = 0; step < 80; step++) {
        (EDITS[Math.floor(next() * EDITS.length)] as Edit)(files, next);
        for (const buffer of [CHILD, ROOT]) {
          const { graph, docs } = graphOf(files, parsed);
          const doc = docs.get(buffer);
          if (!doc) continue;
          const cached = snapshot(graph, doc, cacheFor(buffer));
          for (const c of caches.get(buffer)?.values() ?? []) reused += c.stats.reused;
          // A fresh parse of every file: nothing shared with the cached lint.
          const fresh = graphOf(files);
          const scratch = snapshot(fresh.graph, fresh.docs.get(buffer) as IacDocument);
          assert.equal(cached, scratch, `seed ${seed}, step ${step}, ${buffer}: cached lint differs from a fresh one`);
          findings += JSON.parse(scratch).findings.length;
        }
      }
      assert.ok(findings > 0, 'the workspace has findings to compare');
      assert.ok(reused > 0, 'some checks were reused');
    });
  }
});

// The same for CloudFormation nested stacks: a parent template and the child its stacks deploy, in YAML and in JSON.
const STACK_CHILD = {
  Parameters: {
    Encrypted: { Type: 'String', Default: 'false' },
    Protect: { Type: 'String', Default: 'true' },
    Retention: { Type: 'Number', Default: 7 },
  },
  Conditions: { IsEnc: { 'Fn::Equals': [{ Ref: 'Encrypted' }, 'true'] } },
  Resources: {
    Database: {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'mysql', StorageEncrypted: { Ref: 'Encrypted' }, DeletionProtection: { Ref: 'Protect' } },
    },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: { Ref: 'Retention' } } },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { 'Fn::If': ['IsEnc', 'alias/aws/sns', { Ref: 'AWS::NoValue' }] } } },
  },
};

const stackOf = (url: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::CloudFormation::Stack',
  ...extra,
  Properties: { TemplateURL: url, Parameters: parameters },
});

const STACK_PARENT = (ext: string) => ({
  Parameters: { Enc: { Type: 'String', Default: 'true' }, Env: { Type: 'String', Default: 'prod' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  Resources: {
    Db: stackOf(`./stacks/db.${ext}`, { Encrypted: { Ref: 'Enc' }, Retention: '365' }),
    Replica: stackOf(`stacks/db.${ext}`, { Encrypted: 'false', Protect: 'false' }, { Condition: 'IsProd' }),
  },
});

describe('nested stacks: cached lints equal lints from scratch over random edits', () => {
  before(() => initParsers());

  for (const ext of ['yaml', 'json'] as const) {
    const PARENT = `/w/main.${ext}`;
    const CHILD_T = `/w/stacks/db.${ext}`;
    const text = (value: unknown) => (ext === 'yaml' ? stringifyYaml(value) : JSON.stringify(value, null, 2));
    /** A third stack, added right after the `Resources` key of the parent (and removed again). */
    const extra =
      ext === 'yaml'
        ? `  Extra:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./stacks/db.yaml\n      Parameters:\n        Retention: "1"\n`
        : `"Extra": { "Type": "AWS::CloudFormation::Stack", "Properties": { "TemplateURL": "./stacks/db.json", "Parameters": { "Retention": "1" } } },`;
    const marker = ext === 'yaml' ? 'Resources:\n' : '"Resources": {';
    const toggleStack: Edit = (files) => {
      const t = files[PARENT] ?? '';
      files[PARENT] = t.includes(extra) ? t.replace(extra, '') : t.replace(marker, marker + extra);
    };
    /** Flips one (random) "true"/"false" string, or the parent's environment. */
    const flip =
      (file: string): Edit =>
      (files, next) => {
        const t = files[file] ?? '';
        const at = [...t.matchAll(/"(true|false|prod|dev)"/g)];
        const m = at[Math.floor(next() * at.length)];
        if (!m || m.index === undefined) return;
        const to = { true: 'false', false: 'true', prod: 'dev', dev: 'prod' }[m[1] as 'true'];
        files[file] = t.slice(0, m.index) + `"${to}"` + t.slice(m.index + m[0].length);
      };
    const edits: Edit[] = [keystroke(CHILD_T), keystroke(PARENT), flip(CHILD_T), flip(PARENT), flip(PARENT), toggleStack, toggleStack];

    const graphOfStacks = (files: Files, parsed?: Map<string, { text: string; doc: IacDocument | undefined }>) => {
      const docs = new Map<string, IacDocument>();
      const templates = new Map<string, ModuleDir>();
      for (const [path, t] of Object.entries(files)) {
        const kept = parsed?.get(path);
        const doc = kept && kept.text === t ? kept.doc : parseDocument(path, t);
        parsed?.set(path, { text: t, doc });
        if (doc?.family !== 'cloudformation') continue;
        docs.set(path, doc);
        templates.set(path, { dir: path, docs: [doc], tfvars: new Map() });
      }
      return { graph: new StackGraph(templates), docs };
    };

    it(`${ext.toUpperCase()}: 80 edits of parent, child, values, conditions and stacks added/removed (seeds 21-23)`, () => {
      for (const seed of [21, 22, 23]) {
        const next = random(seed);
        const files: Files = { [PARENT]: text(STACK_PARENT(ext)), [CHILD_T]: text(STACK_CHILD) };
        const caches = new Map<string, Map<string, LintCache>>();
        const parsed = new Map<string, { text: string; doc: IacDocument | undefined }>();
        let findings = 0;
        let moved = 0;
        for (let step = 0; step < 80; step++) {
          (edits[Math.floor(next() * edits.length)] as Edit)(files, next);
          for (const buffer of [CHILD_T, PARENT]) {
            const { graph, docs } = graphOfStacks(files, parsed);
            const doc = docs.get(buffer);
            if (!doc) continue;
            let byKey = caches.get(buffer);
            if (!byKey) caches.set(buffer, (byKey = new Map()));
            const perKey = byKey;
            const cached = snapshot(graph, doc, (key) => {
              let cache = perKey.get(key);
              if (!cache) perKey.set(key, (cache = new LintCache()));
              return cache;
            });
            const fresh = graphOfStacks(files);
            const scratch = snapshot(fresh.graph, fresh.docs.get(buffer) as IacDocument);
            assert.equal(cached, scratch, `seed ${seed}, step ${step}, ${buffer}: cached lint differs from a fresh one`);
            const found = JSON.parse(scratch).findings as { message: string }[];
            findings += found.length;
            moved += found.filter((f) => f.message.includes('Stack ')).length;
          }
        }
        assert.ok(findings > 0, 'the templates have findings to compare');
        assert.ok(moved > 0, "some findings were decided by the parent's values");
      }
    });
  }
});
