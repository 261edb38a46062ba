// ORACLE (tests only): turns tree-sitter ERROR and MISSING nodes into a few precise, readable parse errors.
import type { SyntaxNode } from './tf-syntax';
import type { ParseError } from '../../server/src/model/document';
import { mergeAdjacent } from '../../server/src/parsers/tf-hcl-errors';

const SNIPPET_MAX = 40;

/** A found error and the end of all the text it stands for (an ERROR's range only underlines its first line). */
interface Found extends ParseError {
  extent: number;
}

/**
 * One error per ERROR node (underlining its first line) and per MISSING token (zero-width, where it was expected).
 * Errors that overlap, touch, or are separated only by spaces on one line are merged, keeping the first message,
 * and a MISSING token separated from the previous error by whitespace only is dropped (it is the `}` the error
 * swallowed), so one typo does not produce a cascade.
 */
export function syntaxErrors(root: SyntaxNode, text: string): ParseError[] {
  if (!root.hasError) return [];
  const found: Found[] = [];
  const walk = (n: SyntaxNode): void => {
    if (n.isError) {
      found.push({ ...unexpected(n, text), extent: n.endIndex });
      return; // everything inside was skipped by recovery: one error for the lot
    }
    if (n.isMissing) {
      found.push({ message: `Missing ${describe(n)}`, range: { start: n.startIndex, end: n.startIndex }, extent: n.startIndex });
      return;
    }
    for (const c of n.children) if (c.hasError || c.isMissing) walk(c);
  };
  walk(root);
  return mergeAdjacent(found, text);
}

function unexpected(n: SyntaxNode, text: string): ParseError {
  const raw = text.slice(n.startIndex, n.endIndex);
  const lead = raw.length - raw.trimStart().length;
  const firstLine = raw.trimStart().split(/\r?\n/)[0]?.trimEnd() ?? '';
  const start = n.startIndex + lead;
  if (firstLine === '') return { message: 'Syntax error', range: { start, end: n.endIndex } };
  const snippet = firstLine.length > SNIPPET_MAX ? `${firstLine.slice(0, SNIPPET_MAX)}…` : firstLine;
  return { message: `Syntax error: unexpected '${snippet}'`, range: { start, end: start + firstLine.length } };
}

/** Grammar names of tokens that tree-sitter reports missing, as the user would write them. */
const TOKENS: Readonly<Record<string, string>> = {
  quoted_template_end: "'\"'",
  template_interpolation_end: "'}'",
  template_directive_end: "'}'",
  heredoc_identifier: 'heredoc end marker',
  block_end: "'}'",
  object_end: "'}'",
  tuple_end: "']'",
};

/** `}` → `'}'`; an identifier missing inside an expression is a missing value (`a = ` at the end of a line). */
function describe(n: SyntaxNode): string {
  const known = TOKENS[n.type];
  if (known) return known;
  if (n.type === 'identifier' && n.parent?.type === 'variable_expr') return 'value';
  return /^[a-z_]+$/.test(n.type) ? n.type.replace(/_/g, ' ') : `'${n.type}'`;
}
