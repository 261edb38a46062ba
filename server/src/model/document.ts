// A parsed template or Terraform file: resources, inputs and errors over the neutral node tree.
import type { MapNode, SourceRange, IacNode } from './nodes';

/** The four syntaxes. */
export type Format = 'cfn-yaml' | 'cfn-json' | 'tf-hcl' | 'tf-json';
/** CloudFormation or Terraform, whatever the syntax. */
export type Family = 'cloudformation' | 'terraform';

export function familyOf(format: Format): Family {
  return format.startsWith('cfn') ? 'cloudformation' : 'terraform';
}

/** A syntax error, precise enough to underline. */
export interface ParseError {
  message: string;
  range: SourceRange;
}

/** A CloudFormation resource, or a Terraform `resource` / `data` block. */
export interface ResourceNode {
  /** `input` only for the engine's view of a parameter/variable as a checkable unit (rules targeting `@input`). */
  kind: 'resource' | 'data' | 'input';
  /** `AWS::EC2::Volume` or `aws_ebs_volume`. */
  type: string;
  /** CloudFormation logical id, or the Terraform name label. */
  name: string;
  /** Logical id, or `type.name` / `data.type.name`: what reports call the resource. */
  address: string;
  /** Where a missing property is reported: the logical-id key, or the `resource "t" "n"` header. */
  headerRange: SourceRange;
  /** The whole resource. */
  range: SourceRange;
  /** CloudFormation: the resource's own map (Type, Properties, Metadata, ...). Terraform: the block body. */
  node: MapNode;
  /**
   * Path from `node` to the map that holds the resource's properties: `['Properties']` for CloudFormation,
   * `[]` for Terraform. Writers create the missing part of the path when a fix adds the first property.
   */
  propsPath: string[];
  /**
   * SAM: the `Globals.<Section>` map merged into `node` (model/sam-globals.ts). The resource's findings depend on
   * its text too, and a finding on a value from there names it as a related location.
   */
  globals?: SourceRange;
}

/** A CloudFormation parameter or a Terraform variable. */
export interface InputNode {
  name: string;
  headerRange: SourceRange;
  range: SourceRange;
  node: MapNode;
  /** `Default` / `default`, when given. */
  default?: IacNode;
}

/** Any other top-level Terraform block (`provider`, `locals`, `module`, `output`, `terraform`). */
export interface BlockNode {
  type: string;
  labels: string[];
  headerRange: SourceRange;
  range: SourceRange;
  body: MapNode;
}

/** One parsed file. Parsers return `undefined` for files that are not templates, so those get no findings at all. */
export interface IacDocument {
  /** The path or URI the caller gave; used in reports and to group Terraform modules. */
  uri: string;
  format: Format;
  family: Family;
  text: string;
  /** CloudFormation: the template map. Terraform: undefined (see `blocks`). */
  root?: MapNode;
  resources: ResourceNode[];
  inputs: InputNode[];
  blocks: BlockNode[];
  errors: ParseError[];
}
