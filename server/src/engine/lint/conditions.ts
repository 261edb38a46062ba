// CloudFormation `Conditions` evaluated with parameter values (defaults / parameter files). A condition whose
// parameters all have values is decided; one that depends on unresolved parameters is expressed over them, so the
// combinations considered are the consistent ones (`IsProd` and `IsDev` on one parameter are never both true, a
// condition and its `Fn::Not` never agree).
import { entryOf, type IacNode } from '../../model/nodes';
import { NO_VALUE, resolveNode, type Scope } from '../scope/scope';

/** Something a condition depends on that no value decides: a parameter (with the values that matter) or a test. */
interface Unknown {
  /** The values it can take: each literal it is compared with plus one "any other" (`undefined`), or AllowedValues. */
  domain: readonly (string | undefined)[];
}

/**
 * A condition as a function of the unknowns' values (by unknown key). `memo` holds the named conditions already
 * evaluated for these values: `C2: !Or [!Condition C1, !Condition C1]` chains would otherwise double at each step.
 */
type Formula = (values: ReadonlyMap<string, string | undefined>, memo: Map<string, boolean>) => boolean;

export interface ConditionModel {
  /** The unknowns condition `name` depends on, or undefined when the template does not define it. */
  unknownsOf(name: string): ReadonlySet<string> | undefined;
  /** The value of condition `name` for given values of its unknowns. */
  evaluate(name: string, values: ReadonlyMap<string, string | undefined>): boolean | undefined;
  domain(unknown: string): readonly (string | undefined)[];
}

/** A stable spelling of an unresolved node, so two equal tests are one unknown. */
function spelling(node: IacNode): string {
  switch (node.kind) {
    case 'scalar':
      return JSON.stringify(node.value);
    case 'call':
      return `${node.fn}(${node.args.map(spelling).join(',')})`;
    case 'list':
      return `[${node.items.map(spelling).join(',')}]`;
    case 'map':
      return `{${node.entries.map((e) => `${e.key}:${spelling(e.value)}`).join(',')}}`;
    case 'ref':
      return node.path.join('.');
    case 'expr':
      return node.text;
  }
}

/** The parameter a `Ref` names, when it is one of the scope's parameters. */
function parameterOf(node: IacNode, scope: Scope): string | undefined {
  if (node.kind !== 'call' || node.fn !== 'Ref') return undefined;
  const target = node.args[0];
  if (target?.kind !== 'scalar' || typeof target.value !== 'string') return undefined;
  return scope.input(target.value) ? target.value : undefined;
}

function literal(node: IacNode | typeof NO_VALUE): string | undefined {
  return node !== NO_VALUE && node.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The literal strings of a parameter's `AllowedValues`, when every one is a literal. */
function allowedValues(name: string, scope: Scope): string[] | undefined {
  const allowed = entryOf(
    scope.input(name)?.node ?? { kind: 'map', entries: [], style: 'block', range: { start: 0, end: 0 } },
    'AllowedValues',
  )?.value;
  if (allowed?.kind !== 'list') return undefined;
  const values = allowed.items.map((i) => (i.kind === 'scalar' && i.value !== null ? String(i.value) : undefined));
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

/**
 * Reads the template's `Conditions` (recording that section and every parameter it resolves through the scope's
 * accessors, so a cached check is redone when either changes).
 */
export function conditionModel(scope: Scope): ConditionModel {
  const section = scope.templateRoot('Conditions');
  const definitions = section ? entryOf(section, 'Conditions')?.value : undefined;
  const defs = new Map<string, IacNode>();
  if (definitions?.kind === 'map') for (const e of definitions.entries) defs.set(e.key, e.value);
  const compared = new Map<string, Set<string>>();
  const unknowns = new Map<string, Unknown>();
  const compiled = new Map<string, { formula: Formula; unknowns: Set<string> } | 'busy'>();

  const compile = (node: IacNode, used: Set<string>): Formula => {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return () => node.value as boolean;
    if (node.kind !== 'call') return unknownTest(node, used);
    const parts = () => node.args.map((a) => compile(a, used));
    switch (node.fn) {
      case 'Fn::And': {
        const fs = parts();
        return (v, m) => fs.every((f) => f(v, m));
      }
      case 'Fn::Or': {
        const fs = parts();
        return (v, m) => fs.some((f) => f(v, m));
      }
      case 'Fn::Not': {
        const [f] = parts();
        return f ? (v, m) => !f(v, m) : unknownTest(node, used);
      }
      case 'Condition': {
        const name = node.args[0];
        const named = name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : undefined;
        const inner = named !== undefined ? get(named) : undefined;
        if (!inner || named === undefined) return unknownTest(node, used);
        for (const u of inner.unknowns) used.add(u);
        return (v, m) => {
          let value = m.get(named);
          if (value === undefined) m.set(named, (value = inner.formula(v, m)));
          return value;
        };
      }
      case 'Fn::Equals':
        return equals(node.args[0], node.args[1], node, used);
      default:
        return unknownTest(node, used);
    }
  };

  /** A test nothing decides: a two-valued unknown of its own. */
  const unknownTest = (node: IacNode, used: Set<string>): Formula => {
    const key = `test:${spelling(node)}`;
    unknowns.set(key, { domain: ['true', undefined] });
    used.add(key);
    return (v) => v.get(key) === 'true';
  };

  const equals = (a: IacNode | undefined, b: IacNode | undefined, node: IacNode, used: Set<string>): Formula => {
    if (!a || !b) return unknownTest(node, used);
    const x = literal(resolveNode(a, scope));
    const y = literal(resolveNode(b, scope));
    if (x !== undefined && y !== undefined) return () => x === y;
    // A parameter without a value compared with a literal: the parameter is the unknown, so every test on it agrees.
    const param = x === undefined ? parameterOf(a, scope) : parameterOf(b, scope);
    const other = x === undefined ? y : x;
    if (param !== undefined && other !== undefined) {
      const key = `param:${param}`;
      let values = compared.get(key);
      if (!values) compared.set(key, (values = new Set()));
      values.add(other);
      const allowed = allowedValues(param, scope);
      unknowns.set(key, { domain: allowed ?? [] });
      used.add(key);
      return (v) => v.get(key) === other;
    }
    return unknownTest(node, used);
  };

  function get(name: string): { formula: Formula; unknowns: Set<string> } | undefined {
    const done = compiled.get(name);
    if (done === 'busy') return undefined; // a cycle: invalid template, left unknown
    if (done) return done;
    const def = defs.get(name);
    if (!def) return undefined;
    compiled.set(name, 'busy');
    const used = new Set<string>();
    const formula = compile(def, used);
    const result = { formula, unknowns: used };
    compiled.set(name, result);
    return result;
  }

  for (const name of defs.keys()) get(name);
  // A parameter's domain: its AllowedValues, else every literal it is compared with plus "any other value".
  for (const [key, values] of compared) {
    const u = unknowns.get(key) as Unknown;
    if (u.domain.length === 0) unknowns.set(key, { domain: [...values, undefined] });
  }

  return {
    unknownsOf: (name) => get(name)?.unknowns,
    evaluate: (name, values) => get(name)?.formula(values, new Map()),
    domain: (key) => unknowns.get(key)?.domain ?? ['true', undefined],
  };
}

/** How many combinations of unknowns are enumerated at most; beyond it, conditions are taken as independent. */
export const MAX_COMBINATIONS = 1024;

/**
 * The consistent assignments of `names` (condition → value), each once: every combination of the unknowns they
 * depend on, evaluated. Undefined when a condition is not defined or the combinations are too many.
 */
export function consistentAssignments(model: ConditionModel, names: readonly string[]): Map<string, boolean>[] | undefined {
  const keys = new Set<string>();
  for (const name of names) {
    const u = model.unknownsOf(name);
    if (!u) return undefined;
    for (const k of u) keys.add(k);
  }
  const list = [...keys];
  let total = 1;
  for (const k of list) {
    total *= model.domain(k).length;
    if (total > MAX_COMBINATIONS) return undefined;
  }
  const seen = new Map<string, Map<string, boolean>>();
  const values = new Map<string, string | undefined>();
  const walk = (i: number): void => {
    if (i === list.length) {
      const assignment = new Map<string, boolean>();
      for (const name of names) assignment.set(name, model.evaluate(name, values) as boolean);
      const id = names.map((n) => (assignment.get(n) ? '1' : '0')).join('');
      if (!seen.has(id)) seen.set(id, assignment);
      return;
    }
    const key = list[i] as string;
    for (const value of model.domain(key)) {
      values.set(key, value);
      walk(i + 1);
    }
  };
  walk(0);
  return [...seen.values()];
}
