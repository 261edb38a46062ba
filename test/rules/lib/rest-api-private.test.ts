// Private REST APIs: endpoint types exactly [PRIVATE], SAM's string or map form, and which APIs a value names.
import assert from 'node:assert/strict';
import { namedApis, privateSamEndpoint, privateTypes } from '../../../rules/lib/rest-api-private';
import { initParsers } from '../../../server/src/parsers/index';
import { probe } from '../../harness/probe';

describe('rest-api-private', () => {
  before(() => initParsers());

  it('privateTypes: exactly [PRIVATE], or unresolved', () => {
    const found = probe(
      'main.tf',
      `
        variable "types" {
          type = list(string)
        }
        resource "aws_api_gateway_rest_api" "a" {
          endpoint_configuration {
            types = ["PRIVATE"]
          }
        }
        resource "aws_api_gateway_rest_api" "b" {
          endpoint_configuration {
            types = ["REGIONAL"]
          }
        }
        resource "aws_api_gateway_rest_api" "c" {
        }
        resource "aws_api_gateway_rest_api" "d" {
          endpoint_configuration {
            types = var.types
          }
        }
      `,
      { terraform: [{ type: 'aws_api_gateway_rest_api', props: { types: 'endpoint_configuration.types' } }] },
      (api) => privateTypes(api.prop('types')),
    );
    assert.deepEqual(found, [true, false, false, true]);
  });

  it('privateSamEndpoint and namedApis', () => {
    const found = probe(
      't.yaml',
      `
        Transform: AWS::Serverless-2016-10-31
        Resources:
          A:
            Type: AWS::Serverless::Api
            Properties:
              EndpointConfiguration: PRIVATE
          B:
            Type: AWS::Serverless::Api
            Properties:
              EndpointConfiguration:
                Type: PRIVATE
          C:
            Type: AWS::Serverless::Api
            Properties:
              EndpointConfiguration:
                Type: EDGE
          Stage:
            Type: Test::Stage
            Properties:
              Arn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${B}/stages/prod
      `,
      {
        cloudformation: [
          { type: 'AWS::Serverless::Api', props: { endpoint: 'EndpointConfiguration', endpointType: 'EndpointConfiguration.Type' } },
          { type: 'Test::Stage', props: { arn: 'Arn' } },
        ],
      },
      (resource, ctx) =>
        resource.type === 'Test::Stage'
          ? namedApis(resource.prop('arn'), ctx.companions('api'))
              .map((a) => a.address)
              .join()
          : privateSamEndpoint(resource.prop('endpoint'), resource.prop('endpointType')),
      { api: { cloudformation: { type: 'AWS::Serverless::Api', props: {} } } },
    );
    assert.deepEqual(found, [true, true, false, 'B']);
  });
});
