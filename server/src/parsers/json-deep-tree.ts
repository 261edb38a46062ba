// Builds a jsonc-parser tree without recursion, for JSON nested deeper than jsonc-parser's recursive parseTree can go.
import { createScanner, type Node as JsonNode, SyntaxKind } from 'jsonc-parser';

type Mutable = { -readonly [K in keyof JsonNode]: JsonNode[K] } & { children?: Mutable[] };

/**
 * The tree `parseTree` would give for `text` (same node types, offsets, lengths and values), built with an explicit
 * stack. Meant as a fallback for well-formed but absurdly nested files: unexpected tokens are skipped, and an
 * unclosed container ends at the end of the text.
 */
export function parseTreeDeep(text: string): JsonNode | undefined {
  const scanner = createScanner(text, false);
  const stack: Mutable[] = [];
  let root: Mutable | undefined;

  const end = (node: Mutable, at: number) => {
    node.length = at - node.offset;
  };
  /** Ends every property whose value is complete (the top of the stack is a property holding its key and value). */
  const closeProperties = (at: number) => {
    for (let top = stack.at(-1); top?.type === 'property' && (top.children?.length ?? 0) >= 2; top = stack.at(-1)) {
      end(top, at);
      stack.pop();
    }
  };
  const attach = (node: Mutable): void => {
    const top = stack.at(-1);
    if (!top) {
      root ??= node;
      return;
    }
    node.parent = top;
    (top.children ??= []).push(node);
  };

  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const tokenEnd = offset + scanner.getTokenLength();
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        const node: Mutable = { type: token === SyntaxKind.OpenBraceToken ? 'object' : 'array', offset, length: 0, children: [] };
        attach(node);
        stack.push(node);
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        // A property still waiting for its value ends here, without one.
        while (stack.at(-1)?.type === 'property') stack.pop();
        const node = stack.pop();
        if (node) end(node, tokenEnd);
        closeProperties(tokenEnd);
        break;
      }
      case SyntaxKind.StringLiteral: {
        const top = stack.at(-1);
        const value: Mutable = { type: 'string', offset, length: tokenEnd - offset, value: scanner.getTokenValue() };
        if (top?.type === 'object') {
          // A key: it opens a property that its value (the next value token) completes.
          const property: Mutable = { type: 'property', offset, length: 0, children: [] };
          attach(property);
          stack.push(property);
          attach(value);
        } else {
          attach(value);
          closeProperties(tokenEnd);
        }
        break;
      }
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword: {
        const value: Mutable =
          token === SyntaxKind.NumericLiteral
            ? { type: 'number', offset, length: tokenEnd - offset, value: Number(scanner.getTokenValue()) }
            : token === SyntaxKind.NullKeyword
              ? { type: 'null', offset, length: tokenEnd - offset, value: null }
              : { type: 'boolean', offset, length: tokenEnd - offset, value: token === SyntaxKind.TrueKeyword };
        attach(value);
        closeProperties(tokenEnd);
        break;
      }
      case SyntaxKind.ColonToken: {
        const top = stack.at(-1);
        if (top?.type === 'property') top.colonOffset = offset;
        break;
      }
      default:
        // Commas, whitespace, comments and stray tokens carry no structure.
        break;
    }
  }
  for (const open of stack.reverse()) end(open, text.length);
  return root;
}
