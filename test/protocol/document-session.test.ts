// The per-document session of the language server: one object holds a buffer's parse, incremental state, lint cache
// and last result, so closing the buffer drops them together.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
      assert.deepEqual(second?.resources.map((r) => r.name), ['a', 'b']);
    } finally {
      session.dispose();
    }
  });

  it('starts afresh after dispose (the tree it kept is freed)', () => {
    const uri = 'file:///m/main.tf';
    const session = new DocumentSession(uri);
    session.parse(TextDocument.create(uri, 'terraform', 1, 'resource "aws_s3_bucket" "a" {}\n'));
    session.dispose();
    const again = new DocumentSession(uri);
    assert.deepEqual(again.parse(TextDocument.create(uri, 'terraform', 1, 'resource "aws_ebs_volume" "v" {}\n'))?.resources.map((r) => r.type), ['aws_ebs_volume']);
    again.dispose();
  });
});
