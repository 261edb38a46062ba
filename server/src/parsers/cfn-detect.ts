// Decides whether a parsed YAML/JSON file is a CloudFormation template and collects its resources and parameters.
import type { Format, IacDocument, InputNode, ParseError, ResourceNode } from '../model/document';
import { entryOf, type IacNode, type MapNode } from '../model/nodes';
import { declaresSamTransform, globalsFor, mergeGlobals } from '../model/sam-globals';

/** Resource type namespaces CloudFormation accepts (`AWS::S3::Bucket`, `Alexa::ASK::Skill`, `Custom::Thing`). */
const TYPE_PREFIX = /^(AWS|Alexa|Custom)::/;

/**
 * A template has `AWSTemplateFormatVersion`, or a `Resources` map with at least one entry whose `Type` is a
 * CloudFormation type. Kubernetes manifests, workflows, compose files and package.json have neither.
 */
export function isTemplate(root: MapNode | undefined): boolean {
  if (!root) return false;
  if (entryOf(root, 'AWSTemplateFormatVersion')) return true;
  const resources = entryOf(root, 'Resources')?.value;
  if (resources?.kind !== 'map') return false;
  return resources.entries.some((e) => {
    const type = typeOf(e.value);
    return type !== undefined && TYPE_PREFIX.test(type);
  });
}

/**
 * For text that failed to parse: whether it still reads like a template (the version key, or a
 * `Type: AWS::...` / `"Type": "AWS::..."` line), so that a template being typed keeps its findings.
 */
export function looksLikeTemplateText(text: string): boolean {
  return /AWSTemplateFormatVersion/.test(text) || /^[ \t{,]*["']?Type["']?[ \t]*:[ \t]*["']?(AWS|Alexa|Custom)::/m.test(text);
}

/** The document for a template tree: resources from `Resources`, inputs from `Parameters`. */
export function buildCfnDocument(uri: string, format: Format, text: string, root: MapNode | undefined, errors: ParseError[]): IacDocument {
  return {
    uri,
    format,
    family: 'cloudformation',
    text,
    root,
    resources: root ? resourcesOf(root) : [],
    inputs: root ? inputsOf(root) : [],
    blocks: [],
    errors,
  };
}

function resourcesOf(root: MapNode): ResourceNode[] {
  const section = entryOf(root, 'Resources')?.value;
  if (section?.kind !== 'map') return [];
  const out: ResourceNode[] = [];
  const sam = declaresSamTransform(root);
  for (const e of section.entries) {
    const type = typeOf(e.value);
    if (type === undefined || e.value.kind !== 'map') continue;
    const globals = sam ? globalsFor(root, type) : undefined;
    const node = globals?.value.kind === 'map' ? mergeGlobals(e.value, globals.value, e.keyRange) : e.value;
    out.push({
      kind: 'resource',
      type,
      name: e.key,
      address: e.key,
      headerRange: e.keyRange,
      range: e.range,
      node,
      propsPath: ['Properties'],
      ...(node !== e.value && globals ? { globals: globals.range } : {}),
    });
  }
  return out;
}

function inputsOf(root: MapNode): InputNode[] {
  const section = entryOf(root, 'Parameters')?.value;
  if (section?.kind !== 'map') return [];
  const out: InputNode[] = [];
  for (const e of section.entries) {
    if (e.value.kind !== 'map') continue;
    const def = entryOf(e.value, 'Default')?.value;
    out.push({ name: e.key, headerRange: e.keyRange, range: e.range, node: e.value, ...(def ? { default: def } : {}) });
  }
  return out;
}

function typeOf(node: IacNode): string | undefined {
  if (node.kind !== 'map') return undefined;
  const t = entryOf(node, 'Type')?.value;
  return t?.kind === 'scalar' && typeof t.value === 'string' ? t.value : undefined;
}
