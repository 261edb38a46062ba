// ElastiCache replication groups encrypt data at rest and in transit.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'elasticache-encryption',
  meta: {
    title: 'ElastiCache replication groups are encrypted at rest and in transit',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/encryption.html',
    related: {
      checkov: ['CKV_AWS_29', 'CKV_AWS_30'],
      kics: [
        'e4ee3903-9225-4b6a-bdfb-e62dbadef821',
        '3b02569b-fc6f-4153-b3a3-ba91022fed68',
        '76976de7-c7b1-4f64-a94f-90c1345914c2',
        '1afbb3fa-cf6c-4a3d-b730-95e9f4df343e',
      ],
      tfsec: ['aws-elasticache-enable-at-rest-encryption', 'aws-elasticache-enable-in-transit-encryption'],
      trivy: ['AVD-AWS-0045', 'AVD-AWS-0051'],
    },
    messages: {
      atRestMissing: '{{resource}} does not set {{atRest}}; Redis OSS replication groups are unencrypted at rest by default.',
      atRestDisabled: '{{resource}} sets {{atRest}} to false.',
      transitMissing: '{{resource}} does not set {{transit}}; clients then talk to the cache in plain text.',
      transitDisabled: '{{resource}} sets {{transit}} to false.',
      enableAtRest: 'Set {{atRest}} to true',
      enableTransit: 'Set {{transit}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::ElastiCache::ReplicationGroup',
        props: { atRest: 'AtRestEncryptionEnabled', transit: 'TransitEncryptionEnabled', engine: 'Engine', global: 'GlobalReplicationGroupId' },
      },
    ],
    terraform: [
      {
        type: 'aws_elasticache_replication_group',
        props: {
          atRest: 'at_rest_encryption_enabled',
          transit: 'transit_encryption_enabled',
          engine: 'engine',
          global: 'global_replication_group_id',
        },
      },
    ],
  },
  check(group, report) {
    // A member of a global datastore takes both settings from the global replication group. An id read from a
    // parameter/variable may be given at deploy time (modules pass it only for secondaries): it may be a member.
    const global = group.prop('global');
    if (!global.isMissing() || global.isReference()) return;
    // Valkey replication groups are encrypted at rest unless told otherwise, and an unknown engine may be Valkey:
    // https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
    const engine = group.prop('engine');
    const mayBeValkey = engine.isUnresolved() || engine.asString()?.toLowerCase() === 'valkey';
    if (!(mayBeValkey && group.prop('atRest').isMissing())) {
      // At-rest encryption is fixed at creation: enabling it replaces the replication group.
      requireTrue(group, 'atRest', report, { missing: 'atRestMissing', disabled: 'atRestDisabled', enable: 'enableAtRest' }, 'review');
    }
    // Clients without TLS can no longer connect once transit encryption is on.
    requireTrue(group, 'transit', report, { missing: 'transitMissing', disabled: 'transitDisabled', enable: 'enableTransit' }, 'review');
  },
});
