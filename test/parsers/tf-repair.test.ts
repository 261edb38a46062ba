// Terraform after a repair: once the syntax is repaired the results equal a fresh lint (the hand-written parser
// reads every version whole; this guards any future reuse of blocks across versions).
import assert from 'node:assert/strict';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { IacDocument } from '../../server/src/model/document';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

const GOOD = `resource "aws_instance" "a" {\n  ami       = "x"\n  user_data = <<EOF\necho hi\nEOF\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n\nresource "aws_instance" "b" {\n  ami = "y"\n}\n`;
const BROKEN = [
  GOOD.replace('ami       = "x"', 'ami       = '),
  GOOD.replace('metadata_options {', 'metadata_options {{'),
  GOOD.replace('\nEOF\n', '\nEOX\n'),
  GOOD.replace('<<EOF', '<<EO'),
  GOOD.replace('"optional"', '"optional'),
  GOOD.replace('  }\n}\n\nresource', '  }\n\nresource'),
];

const summary = (doc: IacDocument) => {
  const r = lintDocument(doc, { config: { rules: {}, requiredTags: [] }, module: [doc] });
  return JSON.stringify([r.findings.map((f) => [f.ruleId, f.message, f.range.start]).sort(), r.errors.map((e) => e.message)]);
};

describe('Terraform block reuse across broken and repaired syntax', () => {
  before(() => initParsers());

  for (const [i, broken] of BROKEN.entries()) {
    it(`broken #${i + 1} then repaired: results equal a fresh lint at every step`, () => {
      const parser = new IncrementalParser('file:///m/main.tf');
      for (const text of [GOOD, broken, GOOD]) {
        const doc = parser.parse(text) as IacDocument;
        assert.equal(summary(doc), summary(parseDocument('file:///m/main.tf', text) as IacDocument));
      }
    });
  }
});
