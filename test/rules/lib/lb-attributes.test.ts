// lbAttribute: the LoadBalancerAttributes item with a key, "unknown" when a parameter may hide it.
import assert from 'node:assert/strict';
import { lbAttribute } from '../../../rules/lib/lb-attributes';
import { initParsers } from '../../../server/src/parsers/index';
import { probe } from '../../harness/probe';

describe('lbAttribute', () => {
  before(() => initParsers());

  it('finds the item, reports none, or unknown', () => {
    const found = probe(
      't.yaml',
      `
        AWSTemplateFormatVersion: '2010-09-09'
        Parameters:
          List:
            Type: CommaDelimitedList
          Key:
            Type: String
        Resources:
          Found:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes:
                - Key: other
                  Value: '1'
                - Key: wanted
                  Value: 'true'
          None:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes:
                - Key: other
                  Value: '1'
          Missing:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          WholeList:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes: !Ref List
          OneKey:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes:
                - Key: !Ref Key
                  Value: 'true'
      `,
      {
        cloudformation: [
          {
            type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
            props: { attributes: 'LoadBalancerAttributes', attribute: 'LoadBalancerAttributes[]', key: 'Key', value: 'Value' },
          },
        ],
      },
      (lb) => {
        const item = lbAttribute(lb, 'wanted');
        return item === 'unknown' || item === undefined ? item : item.prop('value').asString();
      },
    );
    assert.deepEqual(found, ['true', undefined, undefined, 'unknown', 'unknown']);
  });
});
