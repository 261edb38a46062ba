// Property tests of the HCL parser: generated valid HCL reads back as what was generated (keys, labels, literal
// values, reference paths, calls, lists, maps), and on any text, valid or not, the parser never throws and every
// range lies inside the text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IacNode, MapNode, SourceRange } from '../../server/src/model/nodes';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';

/** A generated expression: its HCL text and what the model must say about it. */
interface Gen {
  hcl: string;
  expect: unknown;
}

const ident = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/).filter((s) => !['true', 'false', 'null', 'for', 'in', 'if'].includes(s));
const strChars = fc.array(fc.constantFrom('a', 'Z', ' ', '-', '/', '\\n', '\\"', '\\\\', 'é', '☃', '$${x}', '%%{y}', '{', '}', '$a', '%a'), {
  maxLength: 6,
});

const leaf: fc.Arbitrary<Gen> = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map((n) => ({ hcl: String(n), expect: n })),
  fc.integer({ min: 1, max: 1e6 }).map((n) => ({ hcl: `-${n}`, expect: -n })),
  fc.constantFrom(0.5, 1.25, 3e5).map((n) => ({ hcl: String(n), expect: n })),
  fc.boolean().map((b) => ({ hcl: String(b), expect: b })),
  fc.constant({ hcl: 'null', expect: null }),
  strChars.map((parts) => {
    const decode: Record<string, string> = { '\\n': '\n', '\\"': '"', '\\\\': '\\', '$${x}': '${x}', '%%{y}': '%{y}' };
    return { hcl: `"${parts.join('')}"`, expect: parts.map((p) => decode[p] ?? p).join('') };
  }),
  fc
    .tuple(
      ident,
      fc.array(
        fc.oneof(
          ident.map((i) => ({ hcl: `.${i}`, step: i })),
          fc.nat(9).map((n) => ({ hcl: `[${n}]`, step: String(n) })),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([root, steps]) => ({ hcl: root + steps.map((s) => s.hcl).join(''), expect: { ref: [root, ...steps.map((s) => s.step)] } })),
);

const expr: fc.Arbitrary<Gen> = fc.letrec<{ e: Gen }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .array(tie('e'), { maxLength: 3 })
      .map((items) => ({ hcl: `[${items.map((i) => i.hcl).join(', ')}]`, expect: { list: items.map((i) => i.expect) } })),
    fc.uniqueArray(fc.tuple(ident, tie('e')), { maxLength: 3, selector: ([k]) => k }).map((entries) => ({
      hcl: `{\n${entries.map(([k, v]) => `${k} = ${v.hcl}`).join('\n')}\n}`,
      expect: { map: entries.map(([k, v]) => [k, v.expect]) },
    })),
    fc
      .tuple(ident, fc.array(tie('e'), { maxLength: 3 }))
      .map(([fn, args]) => ({ hcl: `${fn}(${args.map((a) => a.hcl).join(', ')})`, expect: { call: fn, args: args.map((a) => a.expect) } })),
    // The condition is a leaf: `a ? b : c ? d : e` nests to the right (spec), which the false branch exercises.
    fc
      .tuple(leaf, tie('e'), tie('e'))
      .map(([c, a, b]) => ({ hcl: `${c.hcl} ? ${a.hcl} : ${b.hcl}`, expect: { call: '?:', args: [c.expect, a.expect, b.expect] } })),
    fc
      .tuple(leaf, fc.constantFrom('+', '*', '==', '&&', '||', '<='), leaf)
      .map(([a, op, b]) => ({ hcl: `${a.hcl} ${op} ${b.hcl}`, expect: { expr: `${a.hcl} ${op} ${b.hcl}` } })),
  ),
})).e;

/** A heredoc ends at a line of its own, so it is generated only as a whole attribute value. */
const heredoc: fc.Arbitrary<Gen> = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom('line one', '  indented', '${var.x}', '', '    deeper'), { minLength: 1, maxLength: 3 }))
  .map(([flush, lines]) => {
    const body = lines.map((l) => (flush && l !== '' ? `    ${l}` : l));
    const hcl = `<<${flush ? '-' : ''}EOT\n${body.join('\n')}\n  EOT`;
    if (lines.some((l) => l.includes('${'))) return { hcl, expect: { expr: hcl } };
    // `<<-` removes the smallest indentation of the non-blank lines from every line (spec: Template Expressions).
    const min = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    const shown = flush && Number.isFinite(min) ? body.map((l) => (l.trim() === '' ? l : l.slice(min))) : body;
    return { hcl, expect: `${shown.join('\n')}\n` };
  });
const value = fc.oneof(expr, heredoc);

/** The model node reduced to what a generator promised. */
function shape(n: IacNode): unknown {
  switch (n.kind) {
    case 'scalar':
      return n.value;
    case 'ref':
      return { ref: n.path };
    case 'list':
      return { list: n.items.map(shape) };
    case 'map':
      return { map: n.entries.map((e) => [e.key, shape(e.value)]) };
    case 'call':
      return n.fn === '?:' ? { call: '?:', args: n.args.map(shape) } : { call: n.fn, args: n.args.map(shape) };
    case 'expr':
      return { expr: n.text };
  }
}

/** Every range of the model, with where it was found. */
function ranges(n: IacNode, out: SourceRange[]): void {
  out.push(n.range);
  if (n.kind === 'map')
    for (const e of n.entries) {
      out.push(e.range, e.keyRange);
      ranges(e.value, out);
    }
  else if (n.kind === 'list') n.items.forEach((i) => ranges(i, out));
  else if (n.kind === 'call') n.args.forEach((a) => ranges(a, out));
}

function checkRanges(text: string): void {
  const doc = parseTerraformHcl('main.tf', text);
  const all: SourceRange[] = [];
  for (const r of doc.resources) {
    all.push(r.range, r.headerRange);
    ranges(r.node, all);
  }
  for (const i of doc.inputs) {
    all.push(i.range, i.headerRange);
    ranges(i.node, all);
  }
  for (const b of doc.blocks) {
    all.push(b.range, b.headerRange);
    ranges(b.body, all);
  }
  for (const e of doc.errors) all.push(e.range);
  for (const r of all)
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `range ${JSON.stringify(r)} outside a text of ${text.length}`);
}

describe('HCL parser properties', () => {
  it('reads generated blocks back: labels, attribute keys and values as generated', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(ident, value), { minLength: 1, maxLength: 5, selector: ([k]) => k }),
        ident,
        fc.constantFrom('', '  # note', ' // note'),
        (attrs, name, comment) => {
          const body = attrs.map(([k, v]) => `  ${k} = ${v.hcl}${v.hcl.startsWith('<<') ? '' : comment}`).join('\n');
          const text = `/* generated */\nresource "aws_thing" "${name}" {\n${body}\n  nested {\n    a = 1\n  }\n}\n`;
          const doc = parseTerraformHcl('main.tf', text);
          assert.deepEqual(doc.errors, [], text);
          const res = doc.resources[0];
          assert.equal(res?.address, `aws_thing.${name}`);
          const node = res?.node as MapNode;
          assert.deepEqual(
            node.entries.map((e) => e.key),
            [...attrs.map(([k]) => k), 'nested'],
          );
          for (const [i, [, v]] of attrs.entries()) assert.deepEqual(shape(node.entries[i]?.value as IacNode), v.expect, text);
          checkRanges(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps every range inside the text, on generated HCL cut or spliced anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ident, value), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 4 }),
        (attrs, a, b, junk) => {
          const text = `resource "t" "n" {\n${attrs.map(([k, v]) => `  ${k} = ${v.hcl}`).join('\n')}\n}\n`;
          const cut = a % (text.length + 1);
          checkRanges(text.slice(0, cut));
          const at = b % (text.length + 1);
          checkRanges(text.slice(0, at) + junk + text.slice(at));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkRanges(text)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            '(',
            ')',
            '"',
            '${',
            '%{',
            '<<EOT\n',
            '<<-X\n',
            'EOT\n',
            '=',
            '\n',
            'a',
            ' ',
            '?',
            ':',
            '.',
            '*',
            '~',
            'for',
            'in',
            '#',
            '/*',
          ),
          { maxLength: 60 },
        ),
        (parts) => checkRanges(parts.join('')),
      ),
      { numRuns: 3000 },
    );
  });
});
