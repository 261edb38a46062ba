// The per-document session of the language server: one object holds a buffer's parse, incremental state, lint cache
// and last result, so closing the buffer drops them together.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { DocumentSession } from '../../server/src/handlers/document-session';
import { initParsers } from '../../server/src/parsers/index';

describe('document session', () => {
  before(() => initParsers());

  it('parses each version once and re-parses a new version', () => {
    const uri = 'file:///m/main.tf';
    const session = new DocumentSession(uri);
    try {
      const v1 = TextDocument.create(uri, 'terraform', 1, 'resource "aws_s3_bucket" "a" {}\n');
      const first = session.parse(v1);
      assert.ok(first);
      assert.equal(session.parse(v1), first, 'the same version is not parsed again');
      const v2 = TextDocument.create(uri, 'terraform', 2, 'resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket" "b" {}\n');
      const second = session.parse(v2);
      assert.notEqual(second, first);
      assert.deepEqual(
        second?.resources.map((r) => r.name),
        ['a', 'b'],
      );
    } finally {
      session.dispose();
    }
  });

  it('keeps its lint cache across versions, so a keystroke re-checks only what it could affect', () => {
    const uri = 'file:///stack/template.yaml';
    const session = new DocumentSession(uri);
    const text = (size: number) =>
      `Resources:\n  A:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: ${size}\n  B:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 1\n`;
    try {
      const first = session.parse(TextDocument.create(uri, 'yaml', 1, text(1)));
      assert.ok(first);
      lintDocument(first, { cache: session.lintCache });
      assert.equal(session.lintCache.stats.reused, 0);
      const second = session.parse(TextDocument.create(uri, 'yaml', 2, text(12)));
      assert.ok(second);
      lintDocument(second, { cache: session.lintCache });
      assert.ok(session.lintCache.stats.reused > 0, 'the untouched resource B keeps its findings');
      assert.ok(session.lintCache.stats.checked > 0, 'the edited resource A is checked again');
    } finally {
      session.dispose();
    }
  });
});
