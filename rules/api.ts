// What a rule may see and do, as interfaces only; the engine implements them over the parsed model.

/** CloudFormation (YAML or JSON) or Terraform (HCL or JSON). */
export type Family = 'cloudformation' | 'terraform';

/** The catalogue's severity scale. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * One level of a value as written (conditionals decided in the evaluation followed), for the readers in `rules/lib`
 * that look inside intrinsics, function calls and Terraform templates (user-data text, container definitions,
 * environment maps). Children are views, so a reader can report at them and fixes can edit them.
 */
export type Written<P extends string = string> =
  | { readonly kind: 'scalar'; readonly value: string | number | boolean | null }
  | { readonly kind: 'map'; readonly entries: readonly { readonly key: string; readonly value: ValueView<P> }[] }
  | { readonly kind: 'list'; readonly items: readonly ValueView<P>[] }
  /** A CloudFormation intrinsic (`Ref`, `Fn::Sub`, `Fn::Base64`, …) or a Terraform function call (`jsonencode`, `file`, …). */
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly ValueView<P>[] }
  /** A Terraform traversal (`var.x`, `local.y`, `aws_s3_bucket.b.id`). */
  | { readonly kind: 'ref'; readonly path: readonly string[] }
  /** A Terraform template or other expression, as its source text (quotes or heredoc markers included). */
  | { readonly kind: 'template'; readonly text: string };

/** A value somewhere under a resource, possibly absent. Logical keys are translated through the rule's `targets`. */
export interface ValueView<P extends string = string> {
  /** The property is not written at all. */
  isMissing(): boolean;
  /** Written, but decided by something the engine cannot evaluate (a parameter, variable, intrinsic or expression). */
  isUnresolved(): boolean;
  /** `true`/`false`, also when written as the strings "true"/"false"; undefined otherwise. */
  asBoolean(): boolean | undefined;
  /** Written as a reference to a parameter/variable whose default decides it (fixes then belong to the user). */
  isReference(): boolean;
  /**
   * The parameter (CloudFormation `Ref`) or variable (`var.x`) this value refers to, as a view of its declaration
   * (read `NoEcho` / `sensitive` through logical keys declared in the target); undefined for anything else.
   */
  input(): ValueView<P> | undefined;
  /** A literal string (numbers are given as their decimal text); undefined otherwise. */
  asString(): string | undefined;
  /** A literal number, also when written as a numeric string; undefined otherwise. */
  asNumber(): number | undefined;
  /** A nested property by logical key; a dotted logical path is not allowed (declare the path in `targets`). */
  prop(key: P): ValueView<P>;
  /** Every value at the logical key, expanding lists (`[]` in the declared path) and repeated blocks. */
  list(key: P): ValueView<P>[];
  /** The elements when this is a list (or a repeated block); `[this]` for a single present value; `[]` when missing. */
  items(): ValueView<P>[];
  /**
   * The resources this value names, at any depth and as written: CloudFormation `Ref` / `Fn::GetAtt` (also inside
   * `Fn::Sub` templates, `Fn::Join`, `Fn::Select`, …), Terraform references (`aws_s3_bucket.b.website_endpoint`);
   * then the same for what a local / parameter default resolves to. Terraform variables and locals are not listed;
   * a CloudFormation `Ref` to a parameter is (compare with resource addresses).
   */
  references(): readonly NamedResource[];
  /** The value as plain JSON (`jsonencode(x)` read as x), with `UNKNOWN` (rules/lib/unknown) where a part is unresolved; undefined when missing. */
  literal(): unknown;
  /** The value one level deep as written; undefined when missing or `AWS::NoValue`. */
  written(): Written<P> | undefined;
  /**
   * What a name inside this value stands for, as written in the file: the `Default` / `default` of input `name`
   * (never a parameter-file / tfvars value), or the value of Terraform `local.<name>`. The view is judged there but
   * reported at this value, with a related location at the default. Undefined when there is no such input / default.
   */
  declared(kind: 'input' | 'local', name: string): ValueView<P> | undefined;
}

/** A resource named by a value: CloudFormation logical id or Terraform address (`type.name`), and the attribute read. */
export interface NamedResource {
  readonly resource: string;
  readonly attribute?: string;
}

/** A resource the rule is checking, seen as the map of its properties. */
export interface ResourceView<P extends string = string> extends ValueView<P> {
  /** Logical id, or Terraform `type.name`. */
  readonly address: string;
  readonly type: string;
  readonly family: Family;
  /** Whether this resource's target declares the logical key (different resource types carry different props). */
  declares(key: P): boolean;
  /** The tags at the logical key, read whichever way the resource type writes them. */
  tags(key: P): TagsView<P>;
}

/**
 * A resource's tags, whether its type writes them as a list of `{Key, Value}` (most CloudFormation types) or as a
 * map (Terraform, SAM's `AWS::Serverless::*`); `Fixer.addTags` writes new keys in the same shape.
 */
export interface TagsView<P extends string = string> {
  /** Where the tags are written: what a report points at (missing when the resource has none). */
  readonly value: ValueView<P>;
  /** The tag keys written, or undefined when an unresolved part may hold more. */
  keys(): string[] | undefined;
  /** Whether keys can be added without rewriting written tags: a list, or a missing or empty map. */
  canAdd(): boolean;
}

/** A value a fix writes. Objects become nested maps (HCL: nested blocks). */
export type FixValue = string | number | boolean | readonly FixValue[] | { readonly [key: string]: FixValue } | FixRef;

/** A reference the writer spells per syntax: `!Ref X` / `{"Ref": "X"}` / `var.x` / `aws_s3_bucket.b.id`. */
export interface FixRef {
  readonly $ref: { readonly input: string } | { readonly resource: string; readonly attr?: string };
}

/** A parameter (CloudFormation) or variable (Terraform) a fix declares so the user chooses the value. */
export interface InputSpec {
  /** PascalCase; Terraform gets the snake_case spelling (`AllowedSshCidr` → `allowed_ssh_cidr`). */
  name: string;
  type: 'string' | 'number';
  description: string;
}

/** Fix intents. The engine turns them into minimal text edits with the writer for the document's syntax. */
export interface Fixer<P extends string = string> {
  /** Set a logical key under `on` (a resource or a nested value, present or missing), adding what is missing. */
  set(on: ValueView<P>, key: P, value: FixValue): void;
  /** Replace a present value. */
  replace(value: ValueView<P>, replacement: FixValue): void;
  /** Remove a present property (the whole `key: value` / `key = value` / block). */
  remove(on: ValueView<P>, key: P): void;
  /** Append an item to the list at `key` under `on`, creating the list when it is missing. */
  append(on: ValueView<P>, key: P, item: FixValue): void;
  /** Add tag keys with empty values (for the user to fill in), in the shape the tags are written in. */
  addTags(tags: TagsView<P>, keys: readonly string[]): void;
  /** Declare a parameter/variable (once per document) and return a reference to it. */
  input(spec: InputSpec): FixRef;
  /** A reference to another resource (`!Ref B` / `aws_s3_bucket.b.id`). */
  ref(resource: ResourceView<P>, attr?: string): FixRef;
  /** Insert a new companion resource (declared in `companions`) right after `after`, named like it. */
  insertCompanion(role: string, after: ResourceView<P>, values: { readonly [K in P]?: FixValue }): void;
}

/** A fix offered with a finding. Only `safe` fixes take part in "fix all". */
export interface FixSpec<M extends string = string, P extends string = string> {
  messageId: M;
  safety: 'safe' | 'review';
  apply(f: Fixer<P>): void;
}

/** One finding, anchored to a value (a missing value anchors to its nearest written ancestor or the resource header). */
export interface ReportSpec<M extends string = string, P extends string = string> {
  at: ValueView<P>;
  messageId: M;
  /** Extra `{{placeholders}}`; `{{resource}}` and every logical prop key are filled in by the engine. */
  data?: Readonly<Record<string, string | number>>;
  fix?: FixSpec<M, P>;
  /**
   * Other places that explain the finding (a companion's ACL or policy statement), shown as related information;
   * they may be in another file of the module. A missing value points at its nearest written ancestor.
   */
  related?: readonly { at: ValueView<P>; message: string }[];
}

export type Report<M extends string = string, P extends string = string> = (spec: ReportSpec<M, P>) => void;

/** What a check sees beyond its resource: related resources of the same template or Terraform module. */
export interface RuleContext<P extends string = string> {
  /** Whether the rule declares `role` in `companions` for this resource's family. */
  hasCompanion(role: string): boolean;
  /** Every companion resource of `role` in the template / module. */
  companions(role: string): ResourceView<P>[];
  /** Companions of `role` whose logical key `key` refers to `resource` (by reference, literal name, or the same expression). */
  referencing(role: string, key: P, resource: ResourceView<P>): ResourceView<P>[];
  /** Tag keys every taggable resource must carry (the `requiredTags` setting). */
  readonly requiredTags: readonly string[];
  /** Tag keys the Terraform AWS provider adds to every resource (`provider "aws" { default_tags { tags = {...} } }`). */
  readonly defaultTags: readonly string[];
}
