// ValueView.references(): the resources a written value names, however deep, in every syntax.
import assert from 'node:assert/strict';
import type { NamedResource } from '../../rules/api';
import { initParsers } from '../../server/src/parsers/index';
import { probe } from '../harness/probe';

const referencesIn = (fileName: string, code: string): NamedResource[][] =>
  probe(
    fileName,
    code,
    { cloudformation: [{ type: 'Test::Probe', props: { value: 'Value' } }], terraform: [{ type: 'test_probe', props: { value: 'value' } }] },
    (r) => [...r.prop('value').references()],
  );

describe('ValueView.references', () => {
  before(() => initParsers());

  it('reads Ref, GetAtt and Fn::Sub variables inside other intrinsics, skipping pseudo parameters and escapes', () => {
    const found = referencesIn(
      't.yaml',
      `
      AWSTemplateFormatVersion: '2010-09-09'
      Resources:
        A:
          Type: Test::Probe
          Properties:
            Value: !Select [2, !Split ['/', !GetAtt Site.WebsiteURL]]
        B:
          Type: Test::Probe
          Properties:
            Value: !Sub 'arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Stage.Name}/\${!Literal}/\${Local}'
        C:
          Type: Test::Probe
          Properties:
            Value:
              Fn::Sub:
                - 'x-\${Local}'
                - Local: !Ref Bucket
        D:
          Type: Test::Probe
          Properties:
            Value: literal
        E:
          Type: Test::Probe
          Properties:
            Value: !Ref MyApi.Stage
    `,
    );
    assert.deepEqual(found, [
      [{ resource: 'Site', attribute: 'WebsiteURL' }],
      [{ resource: 'Api' }, { resource: 'Stage', attribute: 'Name' }, { resource: 'Local' }],
      [{ resource: 'Bucket' }],
      [],
      [{ resource: 'MyApi', attribute: 'Stage' }],
    ]);
  });

  it('names only the branch a decided condition takes', () => {
    const found = referencesIn(
      't.yaml',
      `
      AWSTemplateFormatVersion: '2010-09-09'
      Conditions:
        UseWaf: !Equals [!Ref Env, prod]
      Resources:
        A:
          Type: Test::Probe
          Properties:
            Value: !If [UseWaf, !Ref Alb, !Ref AWS::NoValue]
    `,
    );
    assert.deepEqual(found.map((r) => JSON.stringify(r)).sort(), ['[]', '[{"resource":"Alb"}]']);
  });

  it('reads JSON intrinsics alike', () => {
    const found = referencesIn(
      't.json',
      `
      {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "Test::Probe", "Properties": {"Value": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "RegionalDomainName"]}]]}}}}}
    `,
    );
    assert.deepEqual(found, [[{ resource: 'Bucket', attribute: 'RegionalDomainName' }]]);
  });

  it('reads Terraform references in expressions and through locals, not variables', () => {
    const found = referencesIn(
      'main.tf',
      `
      locals {
        origin = aws_s3_bucket_website_configuration.site.website_endpoint
      }

      resource "test_probe" "a" {
        value = "\${aws_s3_bucket.site.bucket_regional_domain_name}/x"
      }

      resource "test_probe" "b" {
        value = local.origin
      }

      resource "test_probe" "c" {
        value = var.origin
      }

      resource "test_probe" "d" {
        value = data.aws_s3_bucket.site[0].arn
      }
    `,
    );
    assert.deepEqual(found, [
      [{ resource: 'aws_s3_bucket.site', attribute: 'bucket_regional_domain_name' }],
      [{ resource: 'aws_s3_bucket_website_configuration.site', attribute: 'website_endpoint' }],
      [],
      [{ resource: 'data.aws_s3_bucket.site', attribute: 'arn' }],
    ]);
  });
});
