// Lints Terraform documents as their module graph deploys them: each file once per instance of its directory, plus
// the findings that a caller's argument decides inside the modules it calls (reported in the caller's file).
import { allRules } from '../../../../rules/index';
import type { IacDocument } from '../../model/document';
import type { RelatedLocation } from '../lint/related';
import { lintDocument, SharedChecks, type LintOptions } from '../lint/lint';
import type { LintCache } from '../lint/lint-cache';
import { applySuppressions } from '../suppressions/suppressions';
import type { Finding, LintResult } from '../types';
import { internedBindings, type CompositionGraph, type ModuleInstance } from './module-graph';

export type ModuleLintOptions = Omit<LintOptions, 'module' | 'inputValues' | 'instance'> & {
  /** The language server's lint cache for one instance of the linted buffer (by default: the root instance only). */
  cacheFor?: (instance: ModuleInstance) => LintCache | undefined;
};

/** The directory a document belongs to in the graph. */
function dirOf(graph: CompositionGraph, doc: IacDocument): string | undefined {
  for (const d of graph.dirs.values()) if (d.docs.includes(doc)) return d.dir;
  return undefined;
}

/** Whether `instance` is reached through a call written in one of `uris` (its findings may be decided there). */
function calledFrom(instance: ModuleInstance, uris: ReadonlySet<string>): boolean {
  return instance.chain.some((s) => uris.has(s.uri));
}

/**
 * The result for each of `targets` (Terraform documents of the graph): its own findings under every instance of its
 * directory (the same finding through several callers once, each chain a related location), and the findings that its
 * module arguments decide in the modules it calls, at any depth. Unreached directories are roots: judged as today.
 */
export function lintWithModules(
  graph: CompositionGraph,
  targets: readonly IacDocument[],
  options: ModuleLintOptions = {},
): Map<IacDocument, LintResult> {
  const wanted = new Set(targets.map((d) => d.uri));
  const collected = new Map<string, Map<string, Finding>>();
  const results = new Map<IacDocument, LintResult>();
  const moved = new WeakSet<Finding>();
  // Per finding kept: the keys of its related locations, and their list as this lint owns it. The list is set on the
  // finding only at the end: the finding may be the first instance's, which the other instances' shared checks copy
  // (`forInstance`), and its own list may be a lint cache entry's.
  const relatedOf = new Map<Finding, { keys: Set<string>; list: RelatedLocation[] }>();
  const add = (f: Finding) => {
    let bucket = collected.get(f.uri);
    if (!bucket) collected.set(f.uri, (bucket = new Map()));
    const key = `${f.ruleId}\n${f.messageId}\n${f.range.start}:${f.range.end}\n${f.suppressed ? 's' : ''}`;
    const prior = bucket.get(key);
    if (!prior) {
      bucket.set(key, f);
      return;
    }
    if (!f.related || f.related.length === 0) return;
    // Once per deciding location; every chain that reaches it is named among the related locations. A finding reached
    // through 20 callers gains 20 of them: the keys seen are kept, not worked out again on every addition.
    let merged = relatedOf.get(prior);
    const keys = merged?.keys ?? new Set((prior.related ?? []).map(relatedKey));
    const extra = f.related.filter((r) => !keys.has(relatedKey(r)));
    if (extra.length === 0) return;
    if (!merged) relatedOf.set(prior, (merged = { keys, list: [...(prior.related ?? [])] }));
    for (const r of extra) {
      merged.keys.add(relatedKey(r));
      merged.list.push(r);
    }
  };
  const sharedByDoc = new Map<IacDocument, SharedChecks>();
  const sharedFor = (doc: IacDocument) => {
    let shared = sharedByDoc.get(doc);
    if (!shared) sharedByDoc.set(doc, (shared = new SharedChecks()));
    return shared;
  };
  for (const d of graph.dirs.values()) {
    for (const instance of graph.instancesOf(d.dir)) {
      const ownTargets = d.docs.filter((doc) => wanted.has(doc.uri));
      const decidesElsewhere = calledFrom(instance, wanted);
      if (ownTargets.length === 0 && !decidesElsewhere) continue;
      for (const doc of decidesElsewhere ? d.docs : ownTargets) {
        const root = instance.chain.length === 0;
        // Only the first instance of a called module keeps a lint cache: the others re-run just the checks that read
        // a variable (the rest is shared), and keeping 20 caches in step costs more than those few checks.
        const keeps = wanted.has(doc.uri) && (root || !sharedByDoc.has(doc));
        const cache = !keeps ? undefined : options.cacheFor ? options.cacheFor(instance) : root ? options.cache : undefined;
        const result = lintDocument(doc, {
          ...options,
          module: d.docs,
          // A cache knows its lint's input values by identity: the same map for the same bindings across graphs.
          inputValues: cache ? internedBindings(instance) : instance.bindings,
          instance,
          cache,
          // A root is linted once; the instances of a called module share the checks that read no variable.
          shared: root ? undefined : sharedFor(doc),
        });
        if (wanted.has(doc.uri)) {
          const prior = results.get(doc);
          results.set(doc, {
            document: doc,
            findings: [],
            errors: result.errors,
            ruleFailures: [
              ...(prior?.ruleFailures ?? []),
              ...result.ruleFailures.filter((r) => !prior?.ruleFailures.some((p) => p.ruleId === r.ruleId)),
            ],
          });
        }
        for (const f of result.findings) {
          if (!wanted.has(f.uri)) continue;
          if (f.uri !== doc.uri) moved.add(f);
          add(f);
        }
      }
    }
  }
  for (const [f, merged] of relatedOf) f.related = merged.list;
  const known = new Set(allRules.map((r) => r.id));
  for (const doc of targets) {
    const bucket = [...(collected.get(doc.uri)?.values() ?? [])];
    const result = results.get(doc) ?? { document: doc, findings: [], errors: doc.errors, ruleFailures: [] };
    // Findings moved here from a called module: this file's suppressions decide them (its own lint reported its
    // suppression problems already).
    const here = bucket.filter((f) => moved.has(f));
    if (here.length > 0) applySuppressions(doc, here, known, { now: options.now });
    const visible = bucket.filter((f) => !f.suppressed).sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
    results.set(doc, { ...result, findings: [...visible, ...bucket.filter((f) => f.suppressed)] });
  }
  return results;
}

function relatedKey(r: RelatedLocation): string {
  return `${r.uri}\n${r.range.start}:${r.range.end}\n${r.message}`;
}

/** One document's result in the graph (the language server lints one buffer at a time). */
export function lintDocumentWithModules(graph: CompositionGraph, doc: IacDocument, options: ModuleLintOptions = {}): LintResult {
  if (!dirOf(graph, doc)) return lintDocument(doc, options);
  return lintWithModules(graph, [doc], options).get(doc) ?? lintDocument(doc, options);
}
