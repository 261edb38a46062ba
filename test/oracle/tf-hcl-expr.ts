// Converts tree-sitter HCL expressions into neutral nodes: literals, lists, maps, traversals, calls, expressions.
import type { SyntaxNode } from './tf-syntax';
import type { CallNode, ExprNode, IacNode, ListNode, MapEntry, MapNode, SourceRange } from '../../server/src/model/nodes';
import { decodeQuoted, heredocValue } from '../../server/src/parsers/tf-strings';

/** The node's offsets; web-tree-sitter indexes the JS string in UTF-16 code units, as the model does. */
export function rangeOf(n: SyntaxNode): SourceRange {
  return { start: n.startIndex, end: n.endIndex };
}

/** Children without comments (comments are extras and may appear between any two tokens). */
export function kids(n: SyntaxNode): SyntaxNode[] {
  return n.children.filter((c) => c.type !== 'comment');
}

/** The text of a string literal or label, escapes decoded (the quotes are its first and last child). */
export function stringValue(n: SyntaxNode): string {
  const open = n.firstChild;
  const close = n.lastChild;
  if (!open || !close || n.childCount < 2) return '';
  return decodeQuoted(n.text.slice(open.endIndex - n.startIndex, close.startIndex - n.startIndex));
}

/**
 * Converts an `expression` node or any expression term. Never throws: whatever is not a literal, collection,
 * traversal or call (or contains a syntax error) becomes an ExprNode with the traversals found inside it.
 */
export function toNode(n: SyntaxNode): IacNode {
  if (n.hasError) return exprNode(n);
  const parts = kids(n);
  const first = parts[0];
  switch (n.type) {
    case 'expression':
      if (parts.length === 1 && first) return toNode(first);
      // `( expression )`: the parentheses only group; the value is the inner expression's.
      if (parts.length === 3 && first?.type === '(' && parts[2]?.type === ')' && parts[1]?.type === 'expression')
        return { ...toNode(parts[1]), range: rangeOf(n) };
      if (first?.type === 'variable_expr') {
        const t = traversal(parts, 0);
        if (t.complete && t.next === parts.length) return { kind: 'ref', path: t.path, range: rangeOf(n) };
      }
      return exprNode(n);
    case 'literal_value':
      return first ? literal(first) : exprNode(n);
    case 'template_expr':
      return first?.type === 'heredoc_template' ? heredoc(first, n) : first ? quoted(first, n) : exprNode(n);
    case 'collection_value':
      return first?.type === 'tuple' ? tuple(first, n) : first?.type === 'object' ? object(first, n) : exprNode(n);
    case 'variable_expr':
      return { kind: 'ref', path: [n.text], range: rangeOf(n) };
    case 'function_call':
      return call(n, parts);
    case 'operation':
      return negativeNumber(n) ?? exprNode(n);
    case 'conditional':
      return conditional(n, parts);
    default:
      return exprNode(n);
  }
}

/**
 * `cond ? a : b` → a `?:` call of [cond, a, b]: the engine judges both branches (each one can be taken) and names
 * the condition by its text.
 */
function conditional(n: SyntaxNode, parts: SyntaxNode[]): IacNode {
  const exprs = parts.filter((p) => p.type === 'expression');
  if (exprs.length !== 3) return exprNode(n);
  return { kind: 'call', fn: '?:', args: exprs.map((e) => toNode(e)), range: rangeOf(n) };
}

/** Anything the engine does not evaluate, keeping the traversals so resolution can follow them. */
export function exprNode(n: SyntaxNode, range: SourceRange = rangeOf(n)): ExprNode {
  return { kind: 'expr', text: n.text.slice(range.start - n.startIndex, range.end - n.startIndex), refs: refsIn(n), range };
}

function literal(n: SyntaxNode): IacNode {
  const range = rangeOf(n);
  switch (n.type) {
    case 'numeric_lit':
      return { kind: 'scalar', value: Number(n.text), range };
    case 'bool_lit':
      return { kind: 'scalar', value: n.text === 'true', range };
    case 'null_lit':
      return { kind: 'scalar', value: null, range };
    default:
      return { kind: 'scalar', value: stringValue(n), range };
  }
}

const TEMPLATE_LOGIC = new Set(['template_interpolation', 'template_directive']);

/** `"text"` → scalar; `"${x}"` alone → x's node (Terraform unwraps it), spanning the whole string; else an expression. */
function quoted(t: SyntaxNode, outer: SyntaxNode): IacNode {
  const parts = kids(t).filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end');
  if (!parts.some((p) => TEMPLATE_LOGIC.has(p.type))) return { kind: 'scalar', value: stringValue(t), range: rangeOf(outer) };
  const only = parts[0];
  if (parts.length === 1 && only?.type === 'template_interpolation') {
    const inner = kids(only).find((c) => c.type === 'expression');
    if (inner) return { ...toNode(inner), range: rangeOf(outer) };
  }
  return exprNode(outer);
}

/** A heredoc without interpolation is a plain string: the lines between the markers (`<<-` also un-indents). */
function heredoc(h: SyntaxNode, outer: SyntaxNode): IacNode {
  const parts = kids(h);
  if (parts.some((p) => TEMPLATE_LOGIC.has(p.type))) return exprNode(outer);
  const markers = parts.filter((p) => p.type === 'heredoc_identifier');
  const open = markers[0];
  const close = markers[1];
  if (!open || !close) return exprNode(outer);
  const src = h.text;
  const base = h.startIndex;
  const bodyStart = src.indexOf('\n', open.endIndex - base) + 1;
  const bodyEnd = src.lastIndexOf('\n', close.startIndex - base - 1) + 1;
  const body = bodyStart > 0 && bodyEnd > bodyStart ? src.slice(bodyStart, bodyEnd) : '';
  const flush = parts[0]?.text === '<<-';
  return { kind: 'scalar', value: heredocValue(body, flush), range: rangeOf(outer) };
}

function tuple(t: SyntaxNode, outer: SyntaxNode): ListNode {
  const items = kids(t)
    .filter((c) => c.type === 'expression')
    .map(toNode);
  return { kind: 'list', items, style: 'flow', range: rangeOf(outer) };
}

function object(o: SyntaxNode, outer: SyntaxNode): MapNode {
  const entries: MapEntry[] = [];
  for (const elem of kids(o)) {
    if (elem.type !== 'object_elem') continue;
    const key = elem.childForFieldName('key');
    const val = elem.childForFieldName('val');
    if (!key || !val) continue;
    entries.push({ key: objectKey(key), keyRange: rangeOf(key), value: toNode(val), range: rangeOf(elem) });
  }
  return { kind: 'map', entries, style: 'flow', range: rangeOf(outer) };
}

/** `name`, `"name"` and `(expr)` keys: a bare word is a literal key in an object, not a reference. */
function objectKey(key: SyntaxNode): string {
  const node = toNode(key);
  if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
  if (node.kind === 'ref' && node.path.length === 1) return node.path[0] as string;
  return key.text;
}

function call(n: SyntaxNode, parts: SyntaxNode[]): CallNode {
  const args = parts.find((p) => p.type === 'function_arguments');
  return {
    kind: 'call',
    fn: parts[0]?.text ?? '',
    args: args
      ? kids(args)
          .filter((c) => c.type === 'expression')
          .map(toNode)
      : [],
    range: rangeOf(n),
  };
}

/** `-1` is an operation in the grammar but a constant to Terraform (and to rules such as `from_port = -1`). */
function negativeNumber(n: SyntaxNode): IacNode | undefined {
  const op = n.firstChild;
  if (op?.type !== 'unary_operation') return undefined;
  const [sign, operand] = kids(op);
  const num = operand?.type === 'literal_value' ? operand.firstChild : undefined;
  if (sign?.text !== '-' || num?.type !== 'numeric_lit') return undefined;
  return { kind: 'scalar', value: -Number(num.text), range: rangeOf(n) };
}

interface Traversal {
  path: string[];
  /** False when a step could not be spelled (a computed index), which ends the path early. */
  complete: boolean;
  /** Index of the first sibling after the traversal. */
  next: number;
}

const STEPS = new Set(['get_attr', 'index', 'splat']);

/** Reads `variable_expr` at `siblings[at]` and the get_attr / index / splat siblings that follow it. */
function traversal(siblings: SyntaxNode[], at: number): Traversal {
  const path = [siblings[at]?.text ?? ''];
  let complete = true;
  let i = at + 1;
  const addStep = (step: SyntaxNode): void => {
    if (!complete) return;
    if (step.type === 'get_attr') path.push(kids(step).find((c) => c.type === 'identifier')?.text ?? '');
    else if (step.type === 'index') {
      const idx = step.firstChild;
      if (idx?.type === 'legacy_index') path.push(idx.text.slice(1));
      else {
        const inner = idx ? kids(idx).find((c) => c.type === 'expression') : undefined;
        const v = inner ? toNode(inner) : undefined;
        if (v?.kind === 'scalar' && (typeof v.value === 'string' || typeof v.value === 'number')) path.push(String(v.value));
        else complete = false;
      }
    } else if (step.type === 'splat') {
      path.push('*');
      for (const s of kids(step.firstChild ?? step)) if (STEPS.has(s.type)) addStep(s);
    }
  };
  for (; i < siblings.length && STEPS.has(siblings[i]?.type ?? ''); i++) addStep(siblings[i] as SyntaxNode);
  return { path, complete, next: i };
}

const FOR_SCOPES: Record<string, string> = { for_tuple_expr: 'for_intro', for_object_expr: 'for_intro', template_for: 'template_for_start' };

/** Every traversal under `n`, except those rooted at names a `for` binds (`[for s in var.l : s.id]` → var.l). */
export function refsIn(n: SyntaxNode): string[][] {
  const out: string[][] = [];
  const walk = (node: SyntaxNode, bound: ReadonlySet<string>): void => {
    let scope = bound;
    const introType = FOR_SCOPES[node.type];
    if (introType) {
      const intro = kids(node).find((c) => c.type === introType);
      const names = intro
        ? kids(intro)
            .filter((c) => c.type === 'identifier')
            .map((c) => c.text)
        : [];
      scope = new Set([...bound, ...names]);
    }
    const children = kids(node);
    for (let i = 0; i < children.length; i++) {
      const c = children[i] as SyntaxNode;
      if (c.type === 'variable_expr') {
        const t = traversal(children, i);
        if (!scope.has(t.path[0] as string)) out.push(t.path);
        // Index expressions inside the traversal may hold references of their own (`x[var.i]`).
        for (let j = i + 1; j < t.next; j++) walk(children[j] as SyntaxNode, scope);
        i = t.next - 1;
      } else walk(c, scope);
    }
  };
  if (n.type === 'variable_expr') return [[n.text]];
  walk(n, new Set());
  return out;
}
