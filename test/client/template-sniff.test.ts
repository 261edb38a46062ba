// The activation sniff: Terraform by name, CloudFormation by the markers in a file's head, nothing else.
import assert from 'node:assert/strict';
import { isTemplate, looksLikeCloudFormation, SNIFF_BYTES } from '../../client/src/template-sniff';

describe('template sniff (extension activation)', () => {
  it('takes Terraform by its name', () => {
    assert.ok(isTemplate('/w/main.tf', ''));
    assert.ok(isTemplate('/w/main.tf.json', '{}'));
  });

  it('finds CloudFormation markers in YAML and JSON', () => {
    assert.ok(isTemplate('/w/a.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n'));
    assert.ok(isTemplate('/w/a.yml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'));
    assert.ok(isTemplate('/w/a.json', '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}'));
    assert.ok(isTemplate('/w/a.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09"\n}'));
    assert.ok(isTemplate('/w/stack.template', "Transform: 'AWS::Serverless-2016-10-31'\n"));
  });

  it('leaves other YAML and JSON alone', () => {
    assert.ok(!isTemplate('/w/package.json', '{"name": "x", "type": "module"}'));
    assert.ok(!isTemplate('/w/k8s.yaml', 'apiVersion: v1\nkind: Service\nspec:\n  type: LoadBalancer\n'));
    assert.ok(!isTemplate('/w/ci.yml', 'jobs:\n  build:\n    runs-on: ubuntu-latest\n'));
    assert.ok(!isTemplate('/w/notes.md', 'Type: AWS::S3::Bucket'), 'only YAML/JSON/.template are sniffed');
  });

  it('reads only the head of a file', () => {
    assert.ok(!looksLikeCloudFormation(`${'#'.repeat(SNIFF_BYTES)}\nAWSTemplateFormatVersion: x\n`));
  });
});
