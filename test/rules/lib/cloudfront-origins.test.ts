// cloudfront-origins: which CloudFront origin domain names are S3 website endpoints, S3 REST endpoints, or neither.
import assert from 'node:assert/strict';
import { originLabel, s3OriginKind } from '../../../rules/lib/cloudfront-origins';
import { initParsers } from '../../../server/src/parsers/index';
import { probe } from '../../harness/probe';

const kinds = (fileName: string, code: string) =>
  probe(
    fileName,
    code,
    {
      cloudformation: [{ type: 'Test::Origin', props: { domain: 'DomainName' } }],
      terraform: [{ type: 'test_origin', props: { domain: 'domain_name' } }],
    },
    (origin, ctx) => s3OriginKind(origin.prop('domain'), ctx.companions('bucket')),
    { bucket: { cloudformation: { type: 'AWS::S3::Bucket', props: {} } } },
  );

describe('s3OriginKind', () => {
  before(() => initParsers());

  it('reads literal hosts', () => {
    const hosts = [
      'site.s3-website-us-east-1.amazonaws.com',
      'site.s3-website.eu-west-3.amazonaws.com',
      'assets.s3.amazonaws.com',
      'assets.s3.eu-west-1.amazonaws.com',
      'assets.s3-us-west-2.amazonaws.com',
      'app.example.com',
      'd111111abcdef8.cloudfront.net',
    ];
    const code = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${hosts.map((h, i) => `  O${i}:\n    Type: Test::Origin\n    Properties:\n      DomainName: ${h}\n`).join('')}`;
    assert.deepEqual(kinds('t.yaml', code), ['website', 'website', 'rest', 'rest', 'rest', undefined, undefined]);
  });

  it('reads CloudFormation bucket attributes, only on buckets of the template', () => {
    assert.deepEqual(
      kinds(
        't.yaml',
        `
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Site:
            Type: AWS::S3::Bucket
          Domain:
            Type: AWS::ApiGateway::DomainName
          A:
            Type: Test::Origin
            Properties:
              DomainName: !Select [2, !Split ['/', !GetAtt Site.WebsiteURL]]
          B:
            Type: Test::Origin
            Properties:
              DomainName: !GetAtt Site.RegionalDomainName
          C:
            Type: Test::Origin
            Properties:
              DomainName: !GetAtt Domain.RegionalDomainName
      `,
      ),
      ['website', 'rest', undefined],
    );
  });

  it('reads Terraform bucket attributes', () => {
    assert.deepEqual(
      kinds(
        'main.tf',
        `
        resource "test_origin" "a" {
          domain_name = aws_s3_bucket_website_configuration.site.website_endpoint
        }
        resource "test_origin" "b" {
          domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
        }
        resource "test_origin" "c" {
          domain_name = aws_lb.app.dns_name
        }
      `,
      ),
      ['website', 'rest', undefined],
    );
  });
});

describe('originLabel', () => {
  before(() => initParsers());

  it('names an origin by its literal id, its literal domain, or the resource it names', () => {
    const labels = probe(
      't.yaml',
      `
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          A:
            Type: Test::Origin
            Properties:
              Id: app
              DomainName: app.example.com
          B:
            Type: Test::Origin
            Properties:
              DomainName: app.example.com
          C:
            Type: Test::Origin
            Properties:
              Id: !Ref Alb
              DomainName: !GetAtt Alb.DNSName
          D:
            Type: Test::Origin
            Properties: {}
      `,
      { cloudformation: [{ type: 'Test::Origin', props: { id: 'Id', domain: 'DomainName' } }] },
      (origin) => originLabel(origin.prop('id'), origin.prop('domain')),
    );
    assert.deepEqual(labels, ['app', 'app.example.com', 'Alb', '(unnamed)']);
  });
});
