import rule from '../../rules/elasticache/elasticache-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: sessions
              Engine: redis
              AtRestEncryptionEnabled: true
              TransitEncryptionEnabled: true
      `,
    },
    {
      name: 'Valkey encrypts at rest by default; a global datastore member inherits both',
      code: cfnYaml`
        Resources:
          Valkey:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: sessions
              Engine: valkey
              TransitEncryptionEnabled: true
          Secondary:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: secondary
              GlobalReplicationGroupId: ldgnf-sessions
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cache": {
              "Type": "AWS::ElastiCache::ReplicationGroup",
              "Properties": { "AtRestEncryptionEnabled": "true", "TransitEncryptionEnabled": { "Ref": "Tls" } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_elasticache_replication_group" "cache" {
          replication_group_id       = "sessions"
          description                = "sessions"
          at_rest_encryption_enabled = true
          transit_encryption_enabled = true
        }
      `,
    },
    {
      name: 'a secondary of a global datastore',
      code: tfHcl`
        resource "aws_elasticache_replication_group" "secondary" {
          replication_group_id        = "sessions-eu"
          description                 = "secondary"
          global_replication_group_id = aws_elasticache_global_replication_group.sessions.global_replication_group_id
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_elasticache_replication_group":{"cache":{"engine":"valkey","transit_encryption_enabled":true}}}}`,
    },
    {
      // A module's secondary branch: the id comes from a variable the caller sets (default null), the flags are null.
      name: 'a global datastore member whose id comes from a variable',
      code: tfHcl`
        variable "secondary" {
          default = false
        }
        variable "global_id" {
          default = null
        }
        resource "aws_elasticache_replication_group" "member" {
          replication_group_id        = "sessions"
          description                 = "member"
          global_replication_group_id = var.secondary ? var.global_id : null
          at_rest_encryption_enabled  = var.secondary ? null : true
          transit_encryption_enabled  = var.secondary ? null : true
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'one finding per flag',
      code: cfnYaml`
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: sessions
              Engine: redis
          Plain:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: plain
              AtRestEncryptionEnabled: true
              TransitEncryptionEnabled: false
      `,
      errors: [
        { messageId: 'atRestMissing', line: 2, column: 3 },
        { messageId: 'transitMissing', line: 2, column: 3 },
        { messageId: 'transitDisabled', line: 12, column: 33 },
      ],
      output: cfnYaml`
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: sessions
              Engine: redis
              AtRestEncryptionEnabled: true
              TransitEncryptionEnabled: true
          Plain:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: plain
              AtRestEncryptionEnabled: true
              TransitEncryptionEnabled: true
      `,
    },
    {
      name: 'Valkey with at-rest encryption turned off',
      code: cfnYaml`
        Resources:
          Valkey:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              Engine: valkey
              AtRestEncryptionEnabled: false
              TransitEncryptionEnabled: true
      `,
      errors: [{ messageId: 'atRestDisabled', line: 6, column: 32 }],
      output: cfnYaml`
        Resources:
          Valkey:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              Engine: valkey
              AtRestEncryptionEnabled: true
              TransitEncryptionEnabled: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cache": {
              "Type": "AWS::ElastiCache::ReplicationGroup",
              "Properties": {
                "Engine": "redis",
                "AtRestEncryptionEnabled": false
              }
            }
          }
        }
      `,
      errors: [
        { messageId: 'transitMissing', line: 3, column: 5 },
        { messageId: 'atRestDisabled', line: 7, column: 36 },
      ],
      output: cfnJson`
        {
          "Resources": {
            "Cache": {
              "Type": "AWS::ElastiCache::ReplicationGroup",
              "Properties": {
                "Engine": "redis",
                "AtRestEncryptionEnabled": true,
                "TransitEncryptionEnabled": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_elasticache_replication_group" "cache" {
          replication_group_id = "sessions"
          description          = "sessions"
        }

        resource "aws_elasticache_replication_group" "plain" {
          replication_group_id       = "plain"
          description                = "plain"
          at_rest_encryption_enabled = true
          transit_encryption_enabled = false
        }
      `,
      errors: [
        { messageId: 'atRestMissing', line: 1, column: 1 },
        { messageId: 'transitMissing', line: 1, column: 1 },
        { messageId: 'transitDisabled', line: 10, column: 32 },
      ],
      output: tfHcl`
        resource "aws_elasticache_replication_group" "cache" {
          replication_group_id       = "sessions"
          description                = "sessions"
          at_rest_encryption_enabled = true
          transit_encryption_enabled = true
        }

        resource "aws_elasticache_replication_group" "plain" {
          replication_group_id       = "plain"
          description                = "plain"
          at_rest_encryption_enabled = true
          transit_encryption_enabled = true
        }
      `,
    },
    {
      name: 'an engine from a variable without default: at rest is not judged, transit is',
      code: tfHcl`
        variable "engine" {
          type = string
        }

        resource "aws_elasticache_replication_group" "cache" {
          replication_group_id = "sessions"
          engine               = var.engine
        }
      `,
      errors: [{ messageId: 'transitMissing', line: 5, column: 1 }],
      output: tfHcl`
        variable "engine" {
          type = string
        }

        resource "aws_elasticache_replication_group" "cache" {
          replication_group_id       = "sessions"
          engine                     = var.engine
          transit_encryption_enabled = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_elasticache_replication_group": {
              "cache": { "replication_group_id": "sessions", "at_rest_encryption_enabled": true }
            }
          }
        }
      `,
      errors: [{ messageId: 'transitMissing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_elasticache_replication_group": {
              "cache": { "replication_group_id": "sessions", "at_rest_encryption_enabled": true, "transit_encryption_enabled": true }
            }
          }
        }
      `,
    },
  ],
});
