// The Terraform model is built from a plain-JS copy of the tree-sitter tree; it must read exactly as the live tree.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromSyntax, initTerraformParser } from './tree-sitter-terraform';
import { terraformParser } from './tf-grammar';
import { copyTree, type SyntaxNode } from './tf-syntax';
import { CORPUS, needsCorpus } from '../harness/corpus';

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tfFiles(path);
    return e.isFile() && e.name.endsWith('.tf') ? [path] : [];
  });
}

/** Both documents, from the live WASM nodes and from the copy of the same tree. */
function bothWays(uri: string, text: string): { live: string; copied: string } {
  const tree = terraformParser().parse(text);
  assert.ok(tree, uri);
  try {
    return {
      live: JSON.stringify(documentFromSyntax(uri, text, tree.rootNode)),
      copied: JSON.stringify(documentFromSyntax(uri, text, copyTree(tree, text))),
    };
  } finally {
    tree.delete();
  }
}

/** Every node of a tree as `type start-end flags`, in document order. */
function outline(n: SyntaxNode, out: string[] = []): string[] {
  out.push(`${n.type} ${n.startIndex}-${n.endIndex} ${n.isError} ${n.isMissing} ${n.hasError} ${n.parent?.type} ${n.childCount}`);
  for (const c of n.children) outline(c, out);
  return out;
}

describe('Terraform syntax tree copy', () => {
  before(() => initTerraformParser());

  it('builds the same model as the live tree for every .tf file of the shared corpus', function () {
    this.timeout(120_000);
    needsCorpus(this);
    const files = tfFiles(CORPUS);
    assert.ok(files.length > 1000, `expected the corpus's .tf files, found ${files.length}`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { live, copied } = bothWays(file, text);
      assert.equal(copied, live, file);
    }
  });

  it('copies every node of every .tf file of the shared corpus exactly', function () {
    this.timeout(120_000);
    needsCorpus(this);
    for (const file of tfFiles(CORPUS)) {
      const text = readFileSync(file, 'utf8');
      const tree = terraformParser().parse(text);
      assert.ok(tree, file);
      try {
        const copy = copyTree(tree, text);
        const live = outline(tree.rootNode);
        const copied = outline(copy);
        // One message per file, not a diff of thousands of lines.
        const at = live.findIndex((line, i) => copied[i] !== line);
        assert.ok(at === -1 && live.length === copied.length, `${file}: node ${at}: ${copied[at]} ≠ ${live[at]}`);
      } finally {
        tree.delete();
      }
    }
  });

  it('builds the same model both ways for broken files (corpus files cut short)', function () {
    this.timeout(120_000);
    needsCorpus(this);
    // Broken trees take the other branch of the copy (error flags asked of tree-sitter); cut files exercise it.
    let broken = 0;
    for (const file of tfFiles(CORPUS).filter((_, i) => i % 10 === 0)) {
      const full = readFileSync(file, 'utf8');
      const text = full.slice(0, Math.floor(full.length / 2));
      const { live, copied } = bothWays(file, text);
      assert.equal(copied, live, file);
      if ((JSON.parse(copied) as { errors: unknown[] }).errors.length > 0) broken++;
    }
    assert.ok(broken > 50, `only ${broken} cut files had syntax errors`);
  });

  it('copies every node with its type, range, error flags and parent', () => {
    const texts = [
      'resource "a" "b" {\n  x = [1, { k = "v" }]  # c\n  y = var.z[0].id\n}\n',
      'resource "a" "b" {\n  x = \n  y = "unterminated\n',
      'locals {\n  m = { (var.k) = 1, "q" = <<-EOT\n    hi ${x}\n  EOT\n  }\n}}\n',
      '',
      'é = "ü"\n',
      // `.0` is a legacy_index whose digits are a hidden token: the node is longer than its visible children.
      'output "o" { value = aws_instance.a.0.id }\n',
    ];
    for (const text of texts) {
      const tree = terraformParser().parse(text);
      assert.ok(tree);
      try {
        const copy = copyTree(tree, text);
        assert.deepEqual(outline(copy), outline(tree.rootNode), text);
        const elem = tree.rootNode.descendantsOfType('object_elem')[0];
        if (elem) {
          const copied = findAt(copy, elem.startIndex, 'object_elem');
          assert.equal(copied?.childForFieldName('key')?.text, elem.childForFieldName('key')?.text);
          assert.equal(copied?.childForFieldName('val')?.text, elem.childForFieldName('val')?.text);
        }
      } finally {
        tree.delete();
      }
    }
  });

  it('broken corpus-like input reads the same both ways', () => {
    for (const text of ['resource "a" {', 'a = [1, 2', 'block "x" { y = "${', '}}}{{{', 'variable "v" { default = -1 }']) {
      const { live, copied } = bothWays('broken.tf', text);
      assert.equal(copied, live, text);
    }
  });
});

function findAt(n: SyntaxNode, start: number, type: string): SyntaxNode | undefined {
  if (n.type === type && n.startIndex === start) return n;
  for (const c of n.children) {
    const found = findAt(c, start, type);
    if (found) return found;
  }
  return undefined;
}
