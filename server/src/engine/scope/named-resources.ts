// Which resources a written value names, at any depth: what `ValueView.references()` answers for rules that join
// a value to a resource by how it was derived (`!GetAtt Bucket.WebsiteURL` inside `!Select`/`!Split`, an API stage
// ARN built with `!Sub`, `aws_s3_bucket.x.bucket_regional_domain_name`).
import type { NamedResource } from '../../../../rules/api';
import type { IacNode } from '../../model/nodes';

/** `${Name}` / `${Name.Attr}` in a `Fn::Sub` template; `${!Literal}` is an escape, not a reference. */
// `[^{}]`: a name never holds a brace, and an unclosed `${` is then given up at the next `{`, not at the end of the text.
const SUB_VARIABLE = /\$\{(?!!)([^{}]+)\}/g;

export function namedResources(node: IacNode | undefined, out: NamedResource[] = []): NamedResource[] {
  if (!node) return out;
  switch (node.kind) {
    case 'scalar':
      return out;
    case 'list':
      for (const item of node.items) namedResources(item, out);
      return out;
    case 'map':
      for (const entry of node.entries) namedResources(entry.value, out);
      return out;
    case 'ref':
      return terraformPath(node.path, out);
    case 'expr':
      for (const path of node.refs) terraformPath(path, out);
      return out;
    case 'call':
      return callNames(node.fn, node.args, out);
  }
}

function callNames(fn: string, args: readonly IacNode[], out: NamedResource[]): NamedResource[] {
  const [first, second] = args;
  if ((fn === 'Ref' || fn === 'Fn::GetAtt') && first?.kind === 'scalar' && typeof first.value === 'string') {
    if (first.value.includes('::')) return out; // pseudo parameters (AWS::Region)
    if (fn === 'Ref') {
      // SAM's `!Ref MyApi.Stage` names a generated attribute; logical ids never contain a dot.
      const dot = first.value.indexOf('.');
      out.push(dot < 0 ? { resource: first.value } : { resource: first.value.slice(0, dot), attribute: first.value.slice(dot + 1) });
      return out;
    }
    const attribute = second?.kind === 'scalar' && typeof second.value === 'string' ? second.value : undefined;
    out.push(attribute === undefined ? { resource: first.value } : { resource: first.value, attribute });
    return out;
  }
  if (fn === 'Fn::Sub' && first?.kind === 'scalar' && typeof first.value === 'string') {
    const local = new Set(second?.kind === 'map' ? second.entries.map((e) => e.key) : []);
    for (const [, name] of first.value.matchAll(SUB_VARIABLE)) {
      if (!name || name.includes('::') || local.has(name)) continue;
      const dot = name.indexOf('.');
      out.push(dot < 0 ? { resource: name } : { resource: name.slice(0, dot), attribute: name.slice(dot + 1) });
    }
    namedResources(second, out);
    return out;
  }
  for (const arg of args) namedResources(arg, out);
  return out;
}

/** `type.name.attr…` (or `data.type.name.attr…`): the resource address and its first attribute step. */
function terraformPath(path: readonly string[], out: NamedResource[]): NamedResource[] {
  const [head] = path;
  if (head === undefined || ['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(head)) return out;
  const data = head === 'data';
  const size = data ? 3 : 2;
  if (path.length < size) return out;
  const resource = path.slice(0, size).join('.');
  const attribute = path.slice(size).find((step) => !/^\d+$/.test(step) && step !== '*');
  out.push(attribute === undefined ? { resource } : { resource, attribute });
  return out;
}
