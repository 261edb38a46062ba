// CloudFormation nested stacks as one graph, the counterpart of module-graph.ts: an `AWS::CloudFormation::Stack` whose
// `TemplateURL` (or a SAM `AWS::Serverless::Application` whose `Location`) is a local path, as `aws cloudformation
// package` consumes it, deploys that template with the stack's `Parameters` bound to the child's parameters.
//
// Each template is one unit of the graph, keyed by its absolute path. A template is linted once per instance (the
// chain of stacks that reaches it) with `inputValues` = its bindings, exactly as a Terraform module instance: the
// child's rules, scope, conditions and views are unchanged, `!Ref Param` simply resolves to what the parent passed.
// Bound values remember where the parent wrote them (`bindCallerValue`), so module-report.ts reports a finding they
// decide at the parent's value, and the lint of module-lint.ts serves both graphs.
import * as path from 'node:path';
import type { IacDocument, ResourceNode } from '../../model/document';
import { entryOf, type IacNode } from '../../model/nodes';
import { createScope, NO_VALUE, resolveNode, type Scope } from '../scope/scope';
import { ownCondition } from '../lint/existence';
import { conditionValues } from '../lint/variants';
import { bindCallerValue, instanceScope, intern, type ChainStep, type CompositionGraph, type ModuleDir, type ModuleInstance } from './module-graph';

/** The resource types that nest a template, the property naming it, and how a chain names such a step. */
const NESTING: Readonly<Record<string, { property: string; label: string }>> = {
  'AWS::CloudFormation::Stack': { property: 'TemplateURL', label: 'Stack' },
  'AWS::Serverless::Application': { property: 'Location', label: 'Application' },
};

/** One nested stack resource of a template and the template it deploys, when that is a local file. */
export interface StackCall {
  resource: ResourceNode;
  /** `Stack Db` / `Application Db`. */
  label: string;
  /** Absolute path of the child template; undefined for an S3/HTTPS URL, a SAR application or an unresolved value. */
  childPath: string | undefined;
}

/** A path as `aws cloudformation package` reads it: relative, no scheme (s3://, https://), no unresolved `${}`. */
export function isLocalTemplatePath(value: string): boolean {
  return value.trim() !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !path.isAbsolute(value) && !value.startsWith('\\') && !value.includes('${');
}

/** Whether a path or URI may name a CloudFormation template (a nested stack's parent or child): not a `.tf.json`. */
export function isTemplatePath(pathOrUri: string): boolean {
  return /\.(ya?ml|json|template)$/i.test(pathOrUri) && !/\.tf\.json$/i.test(pathOrUri);
}

/** The file system path of a document URI (a path already, or a `file://` URI). */
export function pathOfUri(uri: string): string {
  return path.resolve(uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : uri);
}

/**
 * The nested stacks written in `doc` (whose file is `file`), each template path resolved against the template's
 * folder; `!Sub` / `!Join` count when they resolve to a literal in `scope` (by default the template's defaults).
 */
export function stackCalls(file: string, doc: IacDocument, scope: Scope = createScope(doc)): StackCall[] {
  if (doc.family !== 'cloudformation') return [];
  const out: StackCall[] = [];
  for (const resource of doc.resources) {
    const nesting = NESTING[resource.type];
    if (!nesting || resource.kind !== 'resource') continue;
    const props = entryOf(resource.node, 'Properties')?.value;
    const where = props?.kind === 'map' ? entryOf(props, nesting.property)?.value : undefined;
    const resolved = where && resolveNode(where, scope);
    const value = resolved && resolved !== NO_VALUE && resolved.kind === 'scalar' && typeof resolved.value === 'string' ? resolved.value : undefined;
    const childPath = value !== undefined && isLocalTemplatePath(value) ? path.resolve(path.dirname(file), value) : undefined;
    out.push({ resource, label: `${nesting.label} ${resource.name}`, childPath });
  }
  return out;
}

/** The local template paths a template's text names as nested stacks, read cheaply (no parse): a false match costs nothing. */
export function localStackSourcesIn(text: string): string[] {
  if (!text.includes('AWS::CloudFormation::Stack') && !text.includes('AWS::Serverless::Application')) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/"?(?:TemplateURL|Location)"?\s*:\s*(?:!Sub\s+)?["']?([^"'\s,}{#]+)/g)) {
    const value = m[1];
    // A YAML list item, tag or block scalar after the key is not a path (a long-form `!Sub` list, say).
    if (value && !/^[-!&*[|>]/.test(value) && isLocalTemplatePath(value)) out.push(value);
  }
  return out;
}

/** Guards against a chain of nested stacks that runs away (a cycle through other templates is cut before this). */
const MAX_DEPTH = 8;

/**
 * The instances of every template in `dirs` (keys and `dir` = the template's absolute path, `docs` = the template,
 * `tfvars` = its parameter-file values, used when it is a root). A template no nested stack of the graph deploys is a
 * root, linted once as today; any other template only as the stacks that nest it deploy it. A stack whose own
 * `Condition` is false for its template's values deploys nothing. A template nested only through a cycle, or only by
 * stacks that are never created, is judged alone on its defaults, like one no template nests.
 */
export class StackGraph implements CompositionGraph {
  private readonly instancesByFile = new Map<string, ModuleInstance[]>();
  private readonly parents = new Map<string, Set<string>>();
  private readonly nesting = new Set<string>();

  constructor(readonly dirs: ReadonlyMap<string, ModuleDir>) {
    for (const d of dirs.values()) {
      const doc = d.docs[0];
      for (const call of doc ? stackCalls(d.dir, doc) : []) {
        if (!call.childPath || !dirs.has(call.childPath) || call.childPath === d.dir) continue;
        let set = this.parents.get(call.childPath);
        if (!set) this.parents.set(call.childPath, (set = new Set()));
        set.add(d.dir);
        this.nesting.add(d.dir);
      }
    }
    for (const d of dirs.values()) if (!this.parents.has(d.dir)) this.expand(rootOf(d));
  }

  /** Whether `file` nests a template of the graph or is nested by one (else it is judged alone, as a plain template). */
  isComposed(file: string): boolean {
    return this.parents.has(file) || this.nesting.has(file);
  }

  /** The templates that nest `file` (within the graph). */
  callersOf(file: string): readonly string[] {
    return [...(this.parents.get(file) ?? [])];
  }

  instancesOf(file: string): readonly ModuleInstance[] {
    const found = this.instancesByFile.get(file);
    if (found && found.length > 0) return found;
    const d = this.dirs.get(file);
    return d ? [rootOf(d)] : [];
  }

  private expand(instance: ModuleInstance): void {
    this.instancesByFile.set(instance.dir, [...(this.instancesByFile.get(instance.dir) ?? []), instance]);
    const d = this.dirs.get(instance.dir);
    const doc = d?.docs[0];
    if (!d || !doc || instance.chain.length >= MAX_DEPTH) return;
    const scope = instanceScope(d, instance);
    const values = conditionValues(scope);
    const visited = new Set([instance.root, ...instance.chain.map((s) => pathOfUri(s.uri)), instance.dir]);
    const calls = stackCalls(instance.dir, doc, scope).filter(
      (call): call is StackCall & { childPath: string } =>
        call.childPath !== undefined && this.dirs.has(call.childPath) && !visited.has(call.childPath),
    );
    const bindingsOf = new Map<StackCall, ReadonlyMap<string, IacNode>>();
    // A parameter may be a sibling stack's output (`!GetAtt Network.Outputs.VpcId`): that child's `Outputs` value,
    // resolved with what this template passes it. Each stack's bindings are made once, on first need.
    const bind = (call: StackCall & { childPath: string }, depth: number): ReadonlyMap<string, IacNode> => {
      const known = bindingsOf.get(call);
      if (known) return known;
      bindingsOf.set(call, new Map()); // a stack whose parameters read its own outputs finds none
      const output = (stack: string, name: string): IacNode | undefined => {
        const sibling = calls.find((c) => c.resource.name === stack);
        const siblingDoc = sibling && this.dirs.get(sibling.childPath)?.docs[0];
        if (!sibling || !siblingDoc || depth > 4) return undefined;
        const value = outputValue(siblingDoc, name);
        const siblingScope = createScope(siblingDoc, [], { inputValues: bind(sibling, depth + 1) });
        return value && bindCallerValue(value, siblingScope, { doc: siblingDoc, node: value, strings: true });
      };
      const bound = intern(parameterBindings(call.resource, doc, scope, this.dirs.get(call.childPath)?.docs[0], output));
      bindingsOf.set(call, bound);
      return bound;
    };
    for (const call of calls) {
      // A stack never created for these values deploys nothing (a condition left open by unresolved values does).
      const condition = ownCondition(call.resource);
      if (condition !== undefined && values?.(`cfn:${condition}`, new Map()) === false) continue;
      const step: ChainStep = {
        name: call.resource.name,
        label: call.label,
        key: '',
        uri: doc.uri,
        doc,
        range: call.resource.headerRange,
        block: call.resource.range,
      };
      const address = instance.address ? `${instance.address}/${call.resource.name}` : call.resource.name;
      this.expand({
        dir: call.childPath,
        chain: [...instance.chain, step],
        bindings: bind(call, 0),
        address,
        key: address,
        root: instance.root,
        family: 'cloudformation',
      });
    }
  }
}

/** The `Value` of output `name` of a template. */
function outputValue(doc: IacDocument, name: string): IacNode | undefined {
  const outputs = doc.root && entryOf(doc.root, 'Outputs')?.value;
  const output = outputs?.kind === 'map' ? entryOf(outputs, name)?.value : undefined;
  return output?.kind === 'map' ? entryOf(output, 'Value')?.value : undefined;
}

/** `!GetAtt Stack.Outputs.Name` (or `[Stack, Outputs.Name]`): the stack and output it names. */
function stackOutputRef(node: IacNode): { stack: string; name: string } | undefined {
  if (node.kind !== 'call' || node.fn !== 'Fn::GetAtt') return undefined;
  const [stack, attribute] = node.args;
  if (stack?.kind !== 'scalar' || attribute?.kind !== 'scalar' || typeof stack.value !== 'string' || typeof attribute.value !== 'string')
    return undefined;
  return attribute.value.startsWith('Outputs.') ? { stack: stack.value, name: attribute.value.slice('Outputs.'.length) } : undefined;
}

function rootOf(d: ModuleDir): ModuleInstance {
  return { dir: d.dir, chain: [], bindings: d.tfvars, address: '', key: '', root: d.dir, family: 'cloudformation' };
}

/**
 * The stack's `Parameters` as the child's input values (an `AWS::NoValue` entry passes nothing: the default holds).
 * Only parameters the child declares are bound (CloudFormation rejects others): a name the child uses for a resource
 * is never shadowed by a parent's value, and lint.ts shares checks that read only undeclared names between instances.
 */
function parameterBindings(
  resource: ResourceNode,
  doc: IacDocument,
  scope: Scope,
  child: IacDocument | undefined,
  output: (stack: string, name: string) => IacNode | undefined,
): Map<string, IacNode> {
  const bindings = new Map<string, IacNode>();
  const props = entryOf(resource.node, 'Properties')?.value;
  const parameters = props?.kind === 'map' ? entryOf(props, 'Parameters')?.value : undefined;
  if (parameters?.kind !== 'map') return bindings;
  const declared = new Set(child?.inputs.map((i) => i.name));
  for (const entry of parameters.entries) {
    if (!declared.has(entry.key)) continue;
    const ref = stackOutputRef(entry.value);
    const fromSibling = ref && output(ref.stack, ref.name);
    const bound = fromSibling ?? bindCallerValue(entry.value, scope, { doc, node: entry.value, strings: true });
    if (bound) bindings.set(entry.key, bound);
  }
  return bindings;
}
